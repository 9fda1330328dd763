using System.Net;
using System.Net.Http.Json;
using Parley.Access;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.AccessSlice;

/// <summary>Every role against every endpoint, with the expected answer read from <see cref="AccessRules"/>.</summary>
public sealed class AccessMatrixTests
{
    private static readonly (string Method, string Path, Permission? Needs)[] Endpoints =
    [
        ("GET", "/api/people", Permission.ReadDirectory),
        ("GET", "/api/institutions", Permission.ReadDirectory),
        ("POST", "/api/people", Permission.EditDirectory),
        ("POST", "/api/institutions", Permission.EditDirectory),
        ("GET", "/api/accounts", Permission.ReadAccounts),
        ("GET", "/api/statements", Permission.ReadStatements),
        ("GET", "/api/commitments", Permission.ReadStatements),
        ("GET", "/api/visits", Permission.ReadEngagements),
        ("GET", "/api/meetings", Permission.ReadEngagements),
        ("GET", "/api/proposals", Permission.ReadEngagements),
        ("GET", "/api/task-forces", Permission.ReadEngagements),
        ("GET", "/api/feed-tokens", Permission.ReadEngagements),
        ("POST", "/api/calendars/{chamber}/periods", Permission.RecordEngagements),
        ("GET", "/api/me", null),
    ];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_role_gets_exactly_what_the_rules_allow(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var chamber = await server.AddInstitutionAsync("Matrix chamber", Parley.Directory.InstitutionKind.Chamber);
        var failures = new List<string>();
        foreach (var role in Enum.GetValues<Role>().Cast<Role?>().Append(null))
        {
            using var client = await server.ClientAsync(role);
            foreach (var (method, template, needs) in Endpoints)
            {
                var path = template.Replace("{chamber}", chamber.ToString(), StringComparison.Ordinal);
                var calendar = path.StartsWith("/api/calendars", StringComparison.Ordinal);
                var response = method == "GET" ? await client.GetAsync(path)
                    : calendar ? await client.PostAsJsonAsync(path, new[] { new { kind = "Recess", name = "Matrix recess", startsOn = "2018-08-01", endsOn = "2018-08-31" } })
                    : await client.PostAsJsonAsync(path, new { kind = "Committee", names = new[] { new { value = "Matrix " + Guid.NewGuid(), lang = "en" } } });
                var expected = role is not { } r ? HttpStatusCode.Unauthorized
                    : needs is not { } p || AccessRules.Allows(r, p) ? (method == "GET" ? HttpStatusCode.OK : calendar ? HttpStatusCode.NoContent : HttpStatusCode.Created)
                    : HttpStatusCode.Forbidden;
                if (response.StatusCode != expected)
                    failures.Add($"{role?.Slug() ?? "anonymous"} {method} {path}: {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_revoked_token_stops_working_at_once(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var user = await server.AddUserAsync(Role.Staff);
        var (id, token) = await server.WriteAsync(s => IssueToken.HandleAsync(s, user, "laptop", default));
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        await server.WriteAsync(s => RevokeToken.HandleAsync(s, id.ToString(), default));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Secrets_never_enter_the_record(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var user = await server.AddUserAsync(Role.Auditor);
        var (_, token) = await server.WriteAsync(s => IssueToken.HandleAsync(s, user, "laptop", default));
        var payloads = await server.InScopeAsync(s => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            s.GetRequiredService<Parley.Record.ParleyDb>().Events.Select(e => e.Payload)));
        Assert.Contains(payloads, p => p.Contains(user, StringComparison.Ordinal));
        Assert.DoesNotContain(payloads, p => p.Contains(token, StringComparison.Ordinal) || p.Contains(ParleyServer.Password, StringComparison.Ordinal)
            || p.Contains("AQAAA", StringComparison.Ordinal));
    }
}
