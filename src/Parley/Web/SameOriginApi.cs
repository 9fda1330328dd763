using Microsoft.AspNetCore.Antiforgery;

namespace Parley.Web;

/// <summary>
/// A browser sends the sign-in cookie with any site's request, so an unsafe API request carried by that cookie must
/// show it comes from Parley's own pages: an Origin equal to Parley's, or a valid antiforgery header. Bearer tokens
/// are never sent by a browser on its own and need neither.
/// </summary>
public static class SameOriginApi
{
    public static IApplicationBuilder UseSameOriginApi(this IApplicationBuilder app, string cookie) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        var byCookie = request.Cookies.ContainsKey(cookie) && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        if (unsafeMethod && byCookie && request.Path.StartsWithSegments("/api")
            && !string.Equals(request.Headers.Origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            await Results.Problem("A request signed in by cookie must come from Parley's own pages: send a matching Origin or the antiforgery header.",
                statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["field"] = "Origin" }).ExecuteAsync(context);
            return;
        }
        await next();
    });
}
