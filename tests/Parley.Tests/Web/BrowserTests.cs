using Microsoft.Playwright;
using Parley.Demo;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

/// <summary>Debian's Chromium driven by Playwright against the real host, as a person would use it.</summary>
[Collection(BrowserTests.Collection)]
public sealed class BrowserTests
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Browser flows run one at a time: several Chromiums at once on two cores made sign-ins time out.</summary>
    public const string Collection = "Chromium";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run ./test.sh, which installs Debian's chromium package.");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// Signs in, in <paramref name="language"/> (a user of a Russian institution who has chosen none starts in Russian;
    /// the tests choose English unless they say otherwise; null leaves the choice to Parley).
    /// </summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, Uri server, string user, string password, string? language = "en")
    {
        var context = await browser.NewContextAsync();
        if (language is not null)
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={language}|uic={language}", Url = server.GetLeftPart(UriPartial.Authority) }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server, "/login").ToString());
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // Signed in once the layout offers to sign out; waiting for that, not for the page's load event, which a
        // loaded machine was seen to miss after the redirect had already arrived.
        var signOut = page.GetByRole(AriaRole.Button, new() { NameRegex = new("^(Sign out|Выйти)$") }).Or(page.GetByRole(AriaRole.Link, new() { NameRegex = new("^(Sign out|Выйти)$") }));
        try
        {
            await signOut.First.WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            // Say what the page said instead of only that it did not move on.
            var said = await page.Locator("[role=alert]").AllInnerTextsAsync();
            throw new TimeoutException($"Signing in as {user} stayed on {page.Url}: {(said.Count == 0 ? "no message" : string.Join(" | ", said))}");
        }
        return page;
    }

    [Fact]
    public async Task Staff_sign_in_find_Ron_Johnson_see_his_2018_chair_and_switch_to_Russian()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        Assert.True((await server.InScopeAsync(s => DemoStory.LoadAsync(s, default))).Succeeded);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "/directory").ToString());
        await page.GetByLabel("User name").FillAsync("staff");
        await page.GetByLabel("Password").FillAsync(DemoStory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Searchbox).FillAsync("johnson");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ron Johnson" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ron Johnson" })).ToBeVisibleAsync();
        var chair = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Subcommittee on Europe" }).Filter(new() { HasText = "Chairman" });
        await Assertions.Expect(chair).ToContainTextAsync("8 August 2018");

        var history = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "directory.membership-recorded" }).First;
        await Assertions.Expect(history.GetByRole(AriaRole.Link, new() { Name = "inclusion proof" })).ToBeVisibleAsync();
        // The proof opens as a page that says it verifies, with the JSON a click away.
        var proofHref = await history.GetByRole(AriaRole.Link, new() { Name = "inclusion proof" }).GetAttributeAsync("href");
        var proofPage = await browser.NewPageAsync();
        await proofPage.GotoAsync(new Uri(server.Address, proofHref!).ToString());
        await Assertions.Expect(proofPage.Locator("#verdict")).ToContainTextAsync("Verified:");
        var json = await proofPage.GetByRole(AriaRole.Link, new() { Name = "The proof as JSON" }).GetAttributeAsync("href");
        var proof = await page.APIRequest.GetAsync(new Uri(server.Address, json!).ToString());
        Assert.Contains("\"proof\"", await proof.TextAsync());
        await proofPage.CloseAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Рон Джонсон" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Должности по времени" })).ToBeVisibleAsync();
        await Assertions.Expect(chair).ToContainTextAsync("8 августа 2018");
    }
}
