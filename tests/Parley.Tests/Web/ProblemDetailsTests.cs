using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Parley.Access;
using Parley.Tests.Infrastructure;
using Parley.Web;

namespace Parley.Tests.Web;

/// <summary>
/// Errors as a client branches on them (RFC 9457): a stable type and title per kind, documented at /problems; what
/// happened in detail; every invalid field listed; and a ProblemDetails, never a bare status or a sign-in page, for
/// routes that are not there.
/// </summary>
public sealed class ProblemDetailsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_empty_statement_lists_every_missing_field_under_the_invalid_kind(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        using var client = await server.ClientAsync(Role.Staff);
        using var response = await client.PostAsync("/api/statements", new StringContent("{}", Encoding.UTF8, "application/json"));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("/problems#invalid", problem["type"]!.GetValue<string>());
        Assert.Equal("The request has invalid fields", problem["title"]!.GetValue<string>());
        Assert.Equal(["medium", "saidOn", "speaker", "text"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal("speaker", problem["field"]!.GetValue<string>());
        Assert.StartsWith("speaker is required.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("3 more invalid fields", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_domain_refusal_keeps_the_kinds_title_and_says_what_happened_in_detail(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        var (office, addressee) = (await server.AddInstitutionAsync("Office of Problems"), await server.AddInstitutionAsync("Addressee of Problems"));
        using var client = await server.ClientAsync(Role.RegistryClerk, office);
        var missing = Guid.NewGuid();
        using var notFound = await client.GetAsync($"/api/letters/{missing}");
        var problem = await ProblemAsync(notFound, HttpStatusCode.NotFound);
        Assert.Equal("/problems#not-found", problem["type"]!.GetValue<string>());
        Assert.Equal("Not found, or not yours to see", problem["title"]!.GetValue<string>());
        Assert.Contains(missing.ToString(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // A rule of the record (a reply due before the letter's date, refused by the use case, not the filter) is the invalid kind too.
        using var refused = await client.PostAsync("/api/letters", new StringContent(new JsonObject
        {
            ["direction"] = "Outgoing",
            ["dated"] = "2018-08-01",
            ["replyBy"] = "2018-07-01",
            ["senderInstitution"] = office,
            ["addresseeInstitution"] = addressee,
            ["subject"] = "Later",
        }.ToJsonString(), Encoding.UTF8, "application/json"));
        var rule = await ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal("/problems#invalid", rule["type"]!.GetValue<string>());
        Assert.Equal("The request has invalid fields", rule["title"]!.GetValue<string>());
        Assert.Equal("replyBy", rule["field"]!.GetValue<string>());
        Assert.NotEqual(rule["title"]!.GetValue<string>(), rule["detail"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Paths_that_are_not_the_APIs_answer_a_ProblemDetails_naming_what_to_fix(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        using var signedIn = await server.ClientAsync(Role.RegistryClerk);

        // A malformed id where an operation takes a GUID: 400 naming the parameter, signed in or not.
        foreach (var client in new[] { anonymous, signedIn })
        {
            using var malformed = await client.GetAsync("/api/letters/not-a-letter/custody");
            var problem = await ProblemAsync(malformed, HttpStatusCode.BadRequest);
            Assert.Equal("/problems#malformed", problem["type"]!.GetValue<string>());
            Assert.Equal("id", problem["field"]!.GetValue<string>());
            Assert.Contains("not-a-letter", problem["errors"]!["id"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // No such route, under /api or /ledger: 404 pointing at the document, not the sign-in's 401.
        foreach (var path in new[] { "/api/no-such-thing", "/ledger/no-such-thing", "/api/letters/2018/1" })
        {
            using var unknown = await anonymous.GetAsync(path);
            var problem = await ProblemAsync(unknown, HttpStatusCode.NotFound);
            Assert.Equal("/problems#no-route", problem["type"]!.GetValue<string>());
            Assert.Contains("/openapi/v1.json", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // A real route without a sign-in: 401 of the unauthenticated kind.
        using var unauthenticated = await anonymous.GetAsync("/api/letters");
        var signIn = await ProblemAsync(unauthenticated, HttpStatusCode.Unauthorized);
        Assert.Equal("/problems#unauthenticated", signIn["type"]!.GetValue<string>());
        Assert.Equal("Sign in first", signIn["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_problems_page_explains_every_kind_at_the_anchor_its_type_names()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        using var page = await anonymous.GetAsync("/problems");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        foreach (var kind in ProblemKinds.All)
        {
            var row = html.GetElementById(kind.Type.Split('#')[1]);
            Assert.NotNull(row);
            Assert.Contains(kind.Title, row.TextContent, StringComparison.Ordinal);
            Assert.Contains(kind.Type, row.TextContent, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }
}
