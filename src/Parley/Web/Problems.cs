using Parley.Record;

namespace Parley.Web;

/// <summary>
/// The one place a domain error becomes an HTTP answer: RFC 9457 ProblemDetails whose type and title are its kind's
/// (<see cref="ProblemKinds"/>), the message in <c>detail</c>, and the field it names.
/// </summary>
public static class Problems
{
    public static IResult ToProblem(this DomainError error) => error.Kind switch
    {
        ErrorKind.Invalid => Invalid(new Dictionary<string, string[]> { [error.Field] = [error.Message] }),
        ErrorKind.NotFound => Of(ProblemKinds.NotFound, error.Message, error.Field),
        ErrorKind.Conflict => Of(ProblemKinds.Conflict, error.Message, error.Field),
        ErrorKind.Forbidden => Of(ProblemKinds.Forbidden, error.Message, error.Field),
    };

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) =>
        result.Succeeded ? ok(result.Value!) : result.Error!.ToProblem();

    /// <summary>Every invalid field with its messages; the detail is the first message, the field the first named.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors, ProblemKind? kind = null)
    {
        kind ??= ProblemKinds.Invalid;
        var (field, messages) = errors.First();
        var detail = errors.Count == 1 ? messages[0] : $"{messages[0]} (and {errors.Count - 1} more invalid field{(errors.Count == 2 ? "" : "s")}: see errors)";
        return TypedResults.ValidationProblem(errors, detail, type: kind.Type, title: kind.Title, extensions: new Dictionary<string, object?> { ["field"] = field });
    }

    public static IResult Of(ProblemKind kind, string detail, string? field = null) =>
        TypedResults.Problem(detail, statusCode: kind.Status, title: kind.Title, type: kind.Type,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });
}

/// <summary>What a write that creates a record answers (201, with the record's address in Location).</summary>
public sealed record NewId(Guid Id);

public static class ApiAnswers
{
    /// <summary>Created: the new record's id, at <paramref name="location"/>.</summary>
    public static IResult Created(string location, Guid id) => TypedResults.Created(location, new NewId(id));

    /// <summary>The endpoint answers 201 with the new record's id.</summary>
    public static RouteHandlerBuilder Creates(this RouteHandlerBuilder builder) => builder.Produces<NewId>(StatusCodes.Status201Created);

    /// <summary>The endpoint answers 204 with no body when the write is done.</summary>
    public static RouteHandlerBuilder Done(this RouteHandlerBuilder builder) => builder.Produces(StatusCodes.Status204NoContent);
}
