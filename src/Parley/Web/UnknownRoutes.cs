using Microsoft.AspNetCore.Routing.Patterns;

namespace Parley.Web;

/// <summary>
/// What the API answers for a path none of its operations has, instead of the sign-in redirect or a bare 404: a
/// ProblemDetails. A path that would be an operation's but for a malformed id ("/api/letters/abc") is a 400 naming the
/// parameter and the form it takes; any other is a 404 pointing at the OpenAPI document. Neither needs a sign-in: the
/// answer says only what the public document says.
/// </summary>
public static class UnknownRoutes
{
    private static readonly Dictionary<string, string> Forms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["guid"] = "a GUID such as 0190c7a2-5b1e-7d3f-9a41-3c5e2f1b8d07",
        ["long"] = "a whole number",
        ["int"] = "a whole number",
    };

    public static void MapUnknownRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/api", "/ledger", "/openapi", "/feeds" })
        {
            app.Map(prefix + "/{**rest}", (HttpContext http, EndpointDataSource endpoints) => Answer(http.Request.Method, http.Request.Path, endpoints.Endpoints))
                .AllowAnonymous().ExcludeFromDescription().WithOrder(int.MaxValue);
        }
    }

    public static IResult Answer(string method, string path, IEnumerable<Endpoint> endpoints)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var pattern in endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern))
        {
            if (Malformed(pattern, segments) is { } bad)
                return Problems.Invalid(new Dictionary<string, string[]> { [bad.Name] = [$"{bad.Name}: “{bad.Value}” is not {bad.Form}."] }, ProblemKinds.Malformed);
        }
        return Problems.Of(ProblemKinds.NoRoute, $"No operation of the API answers {method} {path}; /openapi/v1.json lists them all.", "path");
    }

    /// <summary>The parameter whose constraint the path's segment breaks, where every other segment fits the pattern.</summary>
    private static (string Name, string Value, string Form)? Malformed(RoutePattern pattern, string[] segments)
    {
        if (pattern.PathSegments.Count != segments.Length || pattern.PathSegments.Any(s => s.Parts.Any(p => p is RoutePatternParameterPart { IsCatchAll: true })))
            return null;
        (string, string, string)? found = null;
        for (var i = 0; i < segments.Length; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts is [RoutePatternLiteralPart literal])
            {
                if (!string.Equals(literal.Content, segments[i], StringComparison.OrdinalIgnoreCase))
                    return null;
            }
            else if (parts is [RoutePatternParameterPart parameter])
            {
                var constraint = parameter.ParameterPolicies.Select(p => p.Content).FirstOrDefault(c => c is not null && Forms.ContainsKey(c));
                if (constraint is not null && !Fits(constraint, segments[i]))
                    found ??= (parameter.Name, segments[i], Forms[constraint]);
            }
            else
            {
                return null;
            }
        }
        return found;
    }

    private static bool Fits(string constraint, string value) => constraint.ToLowerInvariant() switch
    {
        "guid" => Guid.TryParse(value, out _),
        _ => long.TryParse(value, out _),
    };
}
