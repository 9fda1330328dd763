namespace Parley.Web;

/// <summary>
/// Headers on every response: a Content-Security-Policy that runs no inline or foreign script and lets no page
/// be framed, no MIME sniffing, and no Referer (a feed link's secret is in its path). HSTS is added by
/// <c>UseHsts</c> where Parley itself serves HTTPS.
/// </summary>
public static class SecurityHeaders
{
    // Styles are one inline block in the layout; no page runs script at all.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar, served from its package) starts itself with one inline script of configuration; its page
    /// shows only the public OpenAPI document, nothing of the record, and still loads nothing from another origin.
    /// </summary>
    public const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiDocsPath = "/api/docs";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath) ? ApiDocsPolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await next();
    });
}
