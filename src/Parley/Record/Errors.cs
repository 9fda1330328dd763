namespace Parley.Record;

/// <summary>A rule a command broke, naming the field so a form or a ProblemDetails can point at it.</summary>
public sealed record DomainError(string Field, string Message, ErrorKind Kind = ErrorKind.Invalid);

public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>The outcome of a use case: a value, or the error that stopped it (and then nothing was written).</summary>
public sealed class Result<T>
{
    private Result(T? value, DomainError? error) => (Value, Error) = (value, error);

    public T? Value { get; }
    public DomainError? Error { get; }
    public bool Succeeded => Error is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(DomainError error) => new(default, error);

    public static implicit operator Result<T>(DomainError error) => Fail(error);

    public static implicit operator Result<T>(T value) => Ok(value);
}

/// <summary>Thrown inside a write to abandon it; the transaction rolls back and the error reaches the caller.</summary>
public sealed class DomainException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
}
