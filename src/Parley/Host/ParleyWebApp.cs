using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Access;
using Parley.Directory;
using Parley.Record;
using Parley.Web;
using Scalar.AspNetCore;

namespace Parley.Host;

/// <summary>Composes the web host: the store, sign-in, pages, the API and health.</summary>
public static class ParleyWebApp
{
    public static WebApplication Build(StoreSettings store, string? urls, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "parley",
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (urls is not null)
            builder.WebHost.UseUrls(urls);
        // Every request body is bounded; the endpoints that take files raise it for themselves (attachments, imports).
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestLimits.Body);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Per-request information logs cost more than a proof does.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Each delivery to a peer or witness is logged by its caller, once, with what it means.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddParley(store);
        builder.Services.AddParleyAccess(store);
        builder.Services.AddParleyWeb();
        customize?.Invoke(builder);
        builder.Services.TryAddSingleton(new PolicyConfig((Parley.Ledger.WitnessPolicy?)null));
        builder.Services.AddHttpClient(nameof(WitnessCalls), c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<WitnessCalls>();
        builder.Services.AddSingleton<Mail.MailDelivery>();
        builder.Services.AddHostedService(s => s.GetRequiredService<Mail.MailDelivery>());
        builder.Services.TryAddSingleton(Notifications.NotificationConfig.Read());
        builder.Services.AddHostedService<Notifications.WorkNotifier>();
        builder.Services.TryAddSingleton(Federation.FederationConfig.FromEnvironment());
        builder.Services.AddHttpClient(nameof(Federation.FederationDelivery), c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddHostedService<Federation.FederationDelivery>();
        builder.Services.TryAddSingleton(Federation.PeerSyncConfig.FromEnvironment());
        builder.Services.AddHttpClient(nameof(Federation.PeerSync), c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddHostedService<Federation.PeerSync>();
        builder.Services.TryAddSingleton(Federation.ProveStepsConfig.FromEnvironment());
        builder.Services.AddHttpClient(nameof(Federation.ProveSteps), c => c.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddHostedService<Federation.ProveSteps>();
        var app = builder.Build();
        // The log key exists from the first start, not from the first checkpoint served, so `parley verify`
        // works on every store a server has opened.
        _ = app.Services.GetRequiredService<LogKey>();
        app.UseParleyWeb();
        app.MapParleyEndpoints();
        return app;
    }

    private static void AddParleyAccess(this IServiceCollection services, StoreSettings store)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "parley";
                o.DefaultChallengeScheme = "parley";
            })
            .AddPolicyScheme("parley", "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "parley";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = c => ApiAwareRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAwareRedirect(c, StatusCodes.Status403Forbidden);
        });
        // Every cookie request checks the security stamp, so revoking a role signs the user's sessions out at once
        // (one indexed read of the user per request).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddIdentityCore<Credential>().AddSignInManager();
        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var permission in Enum.GetValues<Permission>())
            authorization.AddPolicy(permission.ToString(), p => p.RequireRole(AccessRules.RolesFor(permission).Select(r => r.ToString())));
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi") || context.Request.Path.StartsWithSegments("/ledger"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddParleyWeb(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorPages(o => o.Conventions.AllowAnonymousToPage("/Login"));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // A body over the limit is refused before anything reads it; say which limit.
            if (c.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
            {
                c.ProblemDetails.Detail ??= $"The request body is larger than this address accepts: {RequestLimits.Body / (1024 * 1024)} MB in general, "
                    + $"{RequestLimits.Attachment / (1024 * 1024)} MB for a letter's copy, {Statements.StatementApi.ImportRequestLimit / (1024 * 1024)} MB for an article to import.";
                c.ProblemDetails.Extensions["field"] = "body";
            }
            else if (c.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                c.ProblemDetails.Detail ??= "The request body must be JSON (Content-Type: application/json), or multipart/form-data with a \"file\" part where the API takes a file.";
                c.ProblemDetails.Extensions["field"] = "body";
            }
            ProblemKinds.Stamp(c.ProblemDetails);
        });
        services.AddScoped<UseCaseEdge>();
        services.AddExceptionHandler<BadRequests>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiDocument>().AddOperationTransformer<ApiOperations>()
            .AddSchemaTransformer<UtcInstantSchema>().AddSchemaTransformer<LocalTimeSchema>().AddSchemaTransformer<ItemMaxLengthSchema>());
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums by name only: an integer ("step": 1) is not a name a client can mean, and out-of-range ones reached the use cases.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new UtcInstantConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
    }

    private static void UseParleyWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        // The API answers errors as ProblemDetails; a page's error is a page in the layout (Pages/Error.cshtml).
        app.UseWhen(c => AnswersProblems(c.Request.Path), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !AnswersProblems(c.Request.Path), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        });
        // Routing after the error handling, so a re-executed request is routed to the error page (which anyone may see)
        // instead of keeping the empty endpoint of the path that failed.
        app.UseRouting();
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("en").AddSupportedCultures("en", "ru").AddSupportedUICultures("en", "ru");
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseSameOriginApi("parley");
        app.UseAuthorization();
        app.UseAntiforgery();
    }

    private static void MapParleyEndpoints(this WebApplication app)
    {
        // The log's size from its last sequence number (sequences are gap-free): an index seek, where COUNT(*) read every
        // event and took 50 ms per probe at a million events.
        app.MapGet("/health", async (ParleyDb db, CancellationToken ct) =>
                Results.Json(new Health("ok", db.Provider, await LedgerNodes.SizeAsync(db, ct))))
            .AllowAnonymous().WithTags("Health").Produces<Health>().WithSummary("Whether the node answers, its database and the size of its log");
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            Languages.Remember(http.Response, c == "ru" ? "ru" : "en");
            return Results.LocalRedirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi().AllowAnonymous();
        // The API's reference for people, from the Scalar package's own copy of its script (no CDN).
        app.MapScalarApiReference(SecurityHeaders.ApiDocsPath, o =>
        {
            // Nothing that calls Scalar's services: its fonts, telemetry, AI agent, MCP and developer tools are off, requests go straight to this node.
            o.WithTitle("Parley API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableTelemetry().DisableAgent().DisableMcp();
            o.DefaultFonts = false;
            o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            o.ProxyUrl = null;
        }).AllowAnonymous();
        app.MapGet("/api", () => Results.Json(new ApiIndex("/openapi/v1.json", "/api/docs", "/api/people", "/api/institutions")))
            .WithTags("API").RequireAuthorization().Produces<ApiIndex>().WithSummary("Where the API's document, its documentation and its first collections are");
        // Every endpoint's input is checked against its documented maxima before it runs.
        var api = app.MapGroup("").AddEndpointFilterFactory(BoundedInput.Filter);
        api.MapLedgerApi();
        Federation.FederationApi.MapFederationApi(api);
        api.MapDirectoryApi();
        Correspondence.LetterApi.MapLetterApi(api);
        Statements.StatementApi.MapStatementApi(api);
        Engagements.EngagementApi.MapEngagementApi(api);
        Engagements.OversightApi.MapOversightApi(api);
        Calendars.CalendarApi.MapCalendarApi(api);
        Engagements.ScheduleAndFeedsApi.MapScheduleAndFeedsApi(api);
        api.MapAccessApi();
        Notifications.ChooseNotifications.Map(api);
        app.MapUnknownRoutes();
        app.MapScripts();
        app.MapRazorPages();
    }

    /// <summary>The paths whose errors are ProblemDetails for programs: the API, the ledger, the OpenAPI document, the feeds.</summary>
    public static bool AnswersProblems(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/ledger") || path.StartsWithSegments("/openapi")
        || path.StartsWithSegments("/feeds") || path.StartsWithSegments("/add-checkpoint") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/federation/node") || path.StartsWithSegments("/federation/inbox");

    /// <summary>
    /// A path on this site: one slash, then not a second slash or a backslash (browsers read "/\x" as "//x"), and no
    /// control character (browsers drop a tab, so "/\t/x" is "//x" too). Anything else goes home rather than away.
    /// </summary>
    public static bool IsLocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !path.Any(char.IsControl);
}

/// <summary>What /health answers: "ok", the database provider, and the log's size in events.</summary>
public sealed record Health(string Status, string Provider, long Events);

/// <summary>What /api answers: where to start.</summary>
public sealed record ApiIndex(string Openapi, string Docs, string People, string Institutions);
