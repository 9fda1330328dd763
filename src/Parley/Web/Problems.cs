using Parley.Record;

namespace Parley.Web;

/// <summary>The one place a domain error becomes an HTTP answer (RFC 9457 ProblemDetails naming the field).</summary>
public static class Problems
{
    public static IResult ToProblem(this DomainError error) => error.Kind switch
    {
        ErrorKind.Invalid => Results.ValidationProblem(Errors(error), title: error.Message, statusCode: StatusCodes.Status400BadRequest),
        ErrorKind.NotFound => Results.Problem(error.Message, statusCode: StatusCodes.Status404NotFound, extensions: Field(error)),
        ErrorKind.Conflict => Results.Problem(error.Message, statusCode: StatusCodes.Status409Conflict, extensions: Field(error)),
        ErrorKind.Forbidden => Results.Problem(error.Message, statusCode: StatusCodes.Status403Forbidden, extensions: Field(error)),
    };

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) =>
        result.Succeeded ? ok(result.Value!) : result.Error!.ToProblem();

    private static Dictionary<string, string[]> Errors(DomainError error) => new() { [error.Field] = [error.Message] };

    private static Dictionary<string, object?> Field(DomainError error) => new() { ["field"] = error.Field };
}
