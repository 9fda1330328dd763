using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Parley.Access;
using Parley.Tests.Infrastructure;
using Parley.Tests.WebSlice;

namespace Parley.Tests.Web;

/// <summary>
/// What a person meets in Chromium where something is not there (a page in the layout, not ProblemDetails JSON), and
/// an inclusion proof opened from a record's history: a page that says what was checked and how to check it oneself.
/// </summary>
[Collection(BrowserTests.Collection)]
public sealed class ErrorAndProofPagesBrowserTests
{
    [Fact]
    public async Task A_missing_record_or_page_is_a_page_in_the_layout_in_the_readers_language()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        var user = await server.AddUserAsync(Role.Staff);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await BrowserTests.SignInAsync(browser, server.Address, user, ParleyServer.Password);

        foreach (var path in new[] { $"/letters/{Guid.NewGuid()}", $"/people/{Guid.NewGuid()}", "/letters/not-a-letter", "/no-such-page" })
        {
            var response = await page.GotoAsync(new Uri(server.Address, path).ToString());
            Assert.Equal(404, response!.Status);
            Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found, or not yours to see" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Sign out" })).First).ToBeVisibleAsync();
        }
        await page.GotoAsync(new Uri(server.Address, "/culture?c=ru&returnUrl=/no-such-page").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Не найдено или недоступно вам" })).ToBeVisibleAsync();

        // The API keeps answering programs in JSON.
        var api = await page.APIRequest.GetAsync(new Uri(server.Address, $"/api/letters/{Guid.NewGuid()}").ToString());
        Assert.Equal("application/problem+json", api.Headers["content-type"]);
    }

    [Fact]
    public async Task An_inclusion_proof_opens_as_a_page_that_says_it_verifies_and_how_to_check_it()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        using var editor = await server.EverythingClientAsync();
        using var added = await editor.PostAsJsonAsync("/api/people", new { names = new[] { new { value = "Mira Sandoval", lang = "en" } } });
        var person = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var user = await server.AddUserAsync(Role.Staff);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await BrowserTests.SignInAsync(browser, server.Address, user, ParleyServer.Password);

        await page.GotoAsync(new Uri(server.Address, $"/people/{person}").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "inclusion proof" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inclusion proof of entry ", Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Verified:");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check it yourself" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("pre").Last).ToContainTextAsync("\n\n— ");

        // The JSON is a click away, and says the same leaf.
        var leaf = (await page.Locator("pre").First.InnerTextAsync()).Trim();
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "The proof as JSON" }).GetAttributeAsync("href");
        var json = await page.APIRequest.GetAsync(new Uri(server.Address, href!).ToString());
        Assert.Equal(leaf, JsonDocument.Parse(await json.TextAsync()).RootElement.GetProperty("leaf_hash").GetString());

        // Anyone may open it: it shows hashes and the signed checkpoint, nothing of the entry.
        var anonymous = await browser.NewPageAsync();
        var response = await anonymous.GotoAsync(new Uri(server.Address, "/proofs/0").ToString());
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(anonymous.Locator("#verdict")).ToContainTextAsync("Verified:");
        var beyond = await anonymous.GotoAsync(new Uri(server.Address, "/proofs/999999").ToString());
        Assert.Equal(404, beyond!.Status);
    }

    [Fact]
    public async Task The_couriers_letter_page_fits_a_390_pixel_phone_in_both_languages()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        Assert.True((await server.InScopeAsync(s => Parley.Demo.DemoStory.LoadAsync(s, default))).Succeeded);
        var courier = await server.AddUserAsync(Role.Courier, Parley.Directory.KnownInstitutions.UsSenate);
        var moscow = await server.InScopeAsync(s => s.GetRequiredService<Parley.Record.ParleyDb>().Letters
            .Where(l => l.Dated == new DateOnly(2018, 8, 3)).Select(l => l.Id).SingleAsync());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await BrowserTests.SignInAsync(browser, server.Address, courier, ParleyServer.Password);
        await page.SetViewportSizeAsync(390, 844);
        foreach (var culture in new[] { "en", "ru" })
        {
            await page.GotoAsync(new Uri(server.Address, $"/culture?c={culture}&returnUrl=/letters/{moscow}").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("2018/1");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{culture}: the page is {width} px wide on a 390 px screen");
            var navigation = await page.GetByRole(AriaRole.Navigation, new() { Name = culture == "en" ? "Main" : "Главное меню" }).BoundingBoxAsync();
            Assert.True(navigation is { } box && box.X + box.Width <= 390, $"{culture}: the navigation ends at {navigation?.X + navigation?.Width} px");
        }
    }
}
