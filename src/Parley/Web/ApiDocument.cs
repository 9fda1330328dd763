using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Parley.Web;

/// <summary>
/// What the generator cannot see from the endpoints: who Parley is, how a caller signs in (the session cookie the
/// pages set, or a bearer token from <c>parley token issue</c>), what each tag holds, and the ProblemDetails every
/// error answers with. Served to anyone: the document names routes and shapes, never records.
/// </summary>
public sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";
    public const string Problem = "Problem";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Health"] = "Whether the node answers, and the size of its log.",
        ["API"] = "Where the API starts.",
        ["Ledger"] = "The verifiable ledger: C2SP checkpoints, tiles, proofs and the witness protocol. Public, except entries and proof files.",
        ["Access"] = "Who the caller is, accounts, and passkeys.",
        ["Directory"] = "People, institutions and memberships (posts over time), searchable by every name form.",
        ["Letters"] = "The correspondence register: letters, routes, sealed copies and the two-sided chain of custody.",
        ["Statements"] = "The statements register: who said what, where and when, and the commitments made.",
        ["Engagements"] = "Visits, meetings, agendas, minutes and action items.",
        ["Proposals and task forces"] = "Proposals and task force charters, approved by the oversight institution.",
        ["Calendars and scheduling"] = "Chamber calendars, busy times, scheduling, and iCalendar files and subscription feeds.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Parley",
            Version = "v1",
            Description = "The record of parliamentary diplomacy: letters and their chain of custody, visits and meetings, proposals and task forces, "
                + "calendars, statements and the directory, every change an event in a verifiable ledger. Errors are RFC 9457 ProblemDetails; "
                + "their `type` URIs are explained at /problems. Human-readable documentation: /api/docs.",
        };
        // Relative to wherever the document was fetched from: one node's address is not another's.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This Parley node" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "parley",
                Description = "The session cookie of a sign-in on Parley's pages. Writes with it must come from Parley's own origin (Origin header or antiforgery token).",
            },
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token (`parley_…`) from `parley token issue`; only its SHA-256 is stored.",
            },
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = ProblemSchema();
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.GetValueOrDefault(name, name),
        }));
        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `type` and `title` are stable per kind of error (see /problems); `detail` says what to fix.",
        Required = new HashSet<string> { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", Description = "The kind of error, e.g. /problems#invalid." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The kind's stable title." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "This occurrence: what was wrong and what to do." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The field, parameter or part of the request the error is about, as the JSON names it." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For invalid input: every invalid field, each with its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}

/// <summary>
/// Each operation's id, the sign-in it needs (none for the public ledger and feeds, whose secret is in the path), and
/// the errors it can answer with, read from the endpoint's own metadata so the document cannot drift from the routes.
/// </summary>
public sealed class ApiOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var path = "/" + (description.RelativePath ?? "");
        operation.OperationId ??= OperationId(method, path);
        // The fallback policy (signed in) applies unless the endpoint says otherwise; AllowAnonymous wins over it.
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var document = context.Document;
        operation.Security = anonymous
            ? []
            : [Requirement(ApiDocument.Cookie, document), Requirement(ApiDocument.Bearer, document)];
        operation.Responses ??= new OpenApiResponses();
        var hasInput = (operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null;
        if (hasInput)
            Error(operation, document, "400", "Invalid input: every invalid field is listed in `errors`.");
        if (!anonymous)
        {
            Error(operation, document, "401", "Not signed in: send the session cookie or a bearer token.");
            if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
                Error(operation, document, "403", "Signed in, but the caller's roles do not permit this.");
        }
        if (path.Contains('{', StringComparison.Ordinal))
            Error(operation, document, "404", "Not found, or not the caller's to see.");
        if (method is not "GET" && !anonymous)
            Error(operation, document, "409", "The record as it is now does not allow this (a step already taken, a number in use).");
        if (operation.RequestBody is not null && method is not "GET")
            Error(operation, document, "413", "The request body is over the limit this address accepts.");
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static void Error(OpenApiOperation operation, OpenApiDocument? document, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        var kind = ProblemKinds.ForStatus(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Schema = new OpenApiSchemaReference(ApiDocument.Problem, document),
                    Example = new System.Text.Json.Nodes.JsonObject
                    {
                        ["type"] = kind.Type,
                        ["title"] = kind.Title,
                        ["status"] = kind.Status,
                        ["detail"] = description,
                    },
                },
            },
        };
    }

    /// <summary>"GET /api/letters/{id}/custody" → "getLettersByIdCustody": unique per route and method, stable, and readable in a generated client.</summary>
    public static string OperationId(string method, string path)
    {
        var name = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "api")
                continue;
            foreach (var part in System.Text.RegularExpressions.Regex.Split(segment, @"(\{[^}]*\})"))
            {
                if (part.Length == 0)
                    continue;
                if (part[0] == '{')
                    name.Append("By").Append(Pascal(part.Trim('{', '}').Split(':')[0].TrimStart('*')));
                else
                    name.Append(Pascal(part));
            }
        }
        return name.ToString();
    }

    private static string Pascal(string text) => string.Concat(text.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
