using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Parley.Web;

/// <summary>
/// A request body or parameter that does not bind (a malformed GUID, a date in the wrong shape, broken JSON) becomes a 400
/// ProblemDetails naming the field and what was expected, instead of a bare 400.
/// </summary>
public sealed partial class BadRequests : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var (field, message) = bad.InnerException switch
        {
            JsonException { Path: { Length: > 2 } path } => (FieldOf(path), $"The value of {FieldOf(path)} is not in the form expected: "
                + "dates as 2018-10-15, local times as 2018-10-15T10:00:00, ids as GUIDs, choices by name as the API documents them."),
            JsonException json => ("body", $"The JSON body does not read: {First(json.Message)}"),
            _ when BindFailure().Match(bad.Message) is { Success: true } m => (m.Groups[1].Value, $"{m.Groups[1].Value}: “{m.Groups[2].Value}” is not in the form expected."),
            _ => ("request", bad.Message),
        };
        // A body over the limit keeps its own status (413), whose detail the ProblemDetails options give.
        var problem = bad.StatusCode == StatusCodes.Status400BadRequest
            ? Problems.Invalid(new Dictionary<string, string[]> { [field] = [message] }, ProblemKinds.Malformed)
            : TypedResults.Problem(statusCode: bad.StatusCode);
        await problem.ExecuteAsync(context);
        return true;
    }

    // "$.participants[0].person" → "participants[0].person", as the domain errors name fields.
    private static string FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to bind parameter \""(?:[^\"" ]+ )?(\w+)\"" from \""(.*)\""\.$")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    private static string First(string message) => message.Split(" Path:", 2)[0].Split(". LineNumber", 2)[0];
}
