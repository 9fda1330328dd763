using Microsoft.AspNetCore.Mvc;

namespace Parley.Web;

/// <summary>
/// A kind of error an API answer can report (RFC 9457 §3.1): its <c>type</c> URI and <c>title</c> never change, so a
/// client branches on them; what this occurrence was and how to fix it is in <c>detail</c> and, for input, in
/// <c>errors</c>. The <c>/problems</c> page explains each kind at its anchor.
/// </summary>
public sealed record ProblemKind(string Slug, int Status, string Title, string Meaning)
{
    public string Type => $"/problems#{Slug}";
}

public static class ProblemKinds
{
    public static readonly ProblemKind Invalid = new("invalid", 400, "The request has invalid fields",
        "A field is missing, too long, or breaks a rule of the record. `errors` lists every invalid field with its messages; `field` names the first.");

    public static readonly ProblemKind Malformed = new("malformed", 400, "The request does not read",
        "The body is not JSON, or a value is not in the form expected (dates as 2018-10-15, ids as GUIDs, choices by name). `field` names where.");

    public static readonly ProblemKind Unauthenticated = new("unauthenticated", 401, "Sign in first",
        "The API needs the session cookie of a sign-in on Parley's pages, or an `Authorization: Bearer parley_…` token.");

    public static readonly ProblemKind Forbidden = new("forbidden", 403, "Not permitted",
        "The caller is signed in, but their roles or institution do not permit this; an administrator grants roles.");

    public static readonly ProblemKind NotFound = new("not-found", 404, "Not found, or not yours to see",
        "No such record, or one the caller may not see: Parley answers both alike, so an answer reveals nothing.");

    public static readonly ProblemKind NoRoute = new("no-route", 404, "No such API route",
        "No operation of the API has this path; the OpenAPI document at /openapi/v1.json lists them all.");

    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed",
        "The path exists, but not with this HTTP method; the OpenAPI document lists each path's methods.");

    public static readonly ProblemKind Conflict = new("conflict", 409, "Conflicts with the record",
        "The record as it is now does not allow this: a step already taken, a number already in use, a log that is ahead.");

    public static readonly ProblemKind TooLarge = new("too-large", 413, "The request body is too large",
        "The body is over the limit this address accepts; `detail` gives the limits.");

    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "Unsupported media type",
        "The body must be JSON, or multipart/form-data with a \"file\" part where the API takes a file.");

    public static readonly ProblemKind TooManyRequests = new("too-many-requests", 429, "Too many requests",
        "Too many attempts in a short time; wait and try again.");

    public static readonly ProblemKind Failed = new("failed", 500, "Parley failed",
        "An error in Parley, not in the request. Nothing was written; the node's log has the details under `traceId`.");

    public static readonly ProblemKind Refused = new("refused", 400, "The request was refused",
        "An HTTP error without a kind of its own; the status code and `detail` say which.");

    public static readonly IReadOnlyList<ProblemKind> All =
        [Invalid, Malformed, Unauthenticated, Forbidden, NotFound, NoRoute, MethodNotAllowed, Conflict, TooLarge, UnsupportedMediaType, TooManyRequests, Failed, Refused];

    /// <summary>The kind an answer of this status is, where nothing more specific said (the first kind listed for it).</summary>
    public static ProblemKind ForStatus(int status) =>
        All.FirstOrDefault(k => k.Status == status) ?? (status >= 500 ? Failed : Refused);

    /// <summary>
    /// Gives every ProblemDetails Parley writes its kind's stable type and title. A specific title an answer carried
    /// (the framework's, or an older call site's) becomes the detail, where a client reads what happened.
    /// </summary>
    public static void Stamp(ProblemDetails problem)
    {
        var kind = All.FirstOrDefault(k => k.Type == problem.Type) ?? ForStatus(problem.Status ?? 500);
        if (problem.Title is { Length: > 0 } title && title != kind.Title && problem.Detail is null
            && title != Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(problem.Status ?? 0))
            problem.Detail = title;
        problem.Type = kind.Type;
        problem.Title = kind.Title;
        problem.Status ??= kind.Status;
    }
}
