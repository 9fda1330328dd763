using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

public sealed partial class SignInTests
{
    private static HttpClient Browser(ParleyServer server) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };

    private static async Task<string> AntiforgeryAsync(HttpClient client, string path) =>
        TokenField().Match(await client.GetStringAsync(path)).Groups[1].Value;

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password) =>
        await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = await AntiforgeryAsync(client, "/login"),
        }));

    [Fact]
    public async Task Pages_need_a_signed_in_user_but_health_and_login_do_not()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        using var client = Browser(server);
        var page = await client.GetAsync("/directory");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("/%5Cevil.example/", "/")]
    [InlineData("/%09/evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/letters?exceptions=true", "/letters?exceptions=true")]
    public async Task Switching_language_returns_only_to_a_page_of_this_site(string returnUrl, string expected)
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        using var client = Browser(server);
        var response = await client.GetAsync($"/culture?c=ru&returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_API_write_carried_by_the_cookie_must_come_from_Parleys_own_origin()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        var user = await server.AddUserAsync(Role.Staff);
        using var client = Browser(server);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, user, ParleyServer.Password)).StatusCode);
        var before = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());
        HttpRequestMessage Post(string? origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/institutions")
            {
                Content = JsonContent.Create(new { kind = "Committee", names = new[] { new { value = "Origin test " + Guid.NewGuid(), lang = "en" } } }),
            };
            if (origin is not null)
                request.Headers.Add("Origin", origin);
            return request;
        }

        var forged = await client.SendAsync(Post("https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Origin", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Post(null))).StatusCode);
        Assert.Equal(before, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));
        // From Parley's own origin it is written; a bearer token needs no origin at all.
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(server.Address.GetLeftPart(UriPartial.Authority)))).StatusCode);
        using var token = await server.ClientAsync(Role.Staff);
        Assert.Equal(HttpStatusCode.Created, (await token.SendAsync(Post(null))).StatusCode);
    }

    [Fact]
    public async Task Revoking_a_role_signs_the_cookie_session_out_on_its_next_request()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        var user = await server.AddUserAsync(Role.Staff);
        using var client = Browser(server);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, user, ParleyServer.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        await server.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync("test",
            (scope, ct) => ChangeRole.HandleAsync(scope, s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Credential>>(), user, Role.Staff, false, ct)));
        // The very next request, not a minute later.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_records_nothing()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        var user = await server.AddUserAsync(Role.RegistryClerk);
        using var client = Browser(server);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, user, ParleyServer.Password)).StatusCode);
        var before = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync());

        var forged = await client.PostAsync("/people/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["EnglishName"] = "Forged Person" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(before, await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Events.CountAsync()));

        var real = await client.PostAsync("/people/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["EnglishName"] = "Real Person",
            ["__RequestVerificationToken"] = await AntiforgeryAsync(client, "/people/new"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.StartsWith("/people/", real.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        var user = await server.AddUserAsync(Role.Courier);
        using var client = Browser(server);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await SignInAsync(client, user, "not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var locked = await SignInAsync(client, user, ParleyServer.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_answers_the_same_for_a_locked_account_and_a_user_name_that_does_not_exist()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        var real = await server.AddUserAsync(Role.Courier);
        using var client = Browser(server);
        string Message(string page) => Regex.Match(page, "role=\"alert\">([^<]*)<").Groups[1].Value;
        var answers = new Dictionary<string, List<string>> { [real] = [], ["nobody-at-all"] = [] };
        foreach (var name in answers.Keys)
        {
            for (var i = 0; i < 6; i++)
                answers[name].Add(Message(await (await SignInAsync(client, name, "not the password")).Content.ReadAsStringAsync()));
        }
        // The sixth attempt finds the real account locked; it still reads exactly like the stranger's.
        Assert.Equal(answers["nobody-at-all"], answers[real]);
        Assert.All(answers[real], m => Assert.StartsWith("Wrong user name or password", m, StringComparison.Ordinal));
        var locked = await SignInAsync(client, real, ParleyServer.Password);
        Assert.Equal(answers[real][0], Message(await locked.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
