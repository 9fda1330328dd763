using Microsoft.Playwright;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

/// <summary>Each demo role's home page is its work, counted in the navigation, each item a link to where it is done.</summary>
[Collection(BrowserTests.Collection)]
public sealed class WorkBrowserTests
{
    [Fact]
    public async Task The_home_page_lists_what_waits_for_each_user_and_the_count_follows_the_work()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        Assert.True((await server.InScopeAsync(s => Parley.Demo.DemoStory.LoadAsync(s, default))).Succeeded);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);

        // The oversight officer of the Department of State: a proposal and a charter to review.
        var oversight = await BrowserTests.SignInAsync(browser, server.Address, "oversight", Parley.Demo.DemoStory.Password);
        await oversight.GotoAsync(server.Address.ToString());
        var work = oversight.GetByRole(AriaRole.Region, new() { Name = "Waiting for you" });
        await Assertions.Expect(oversight.GetByTestId("work-count")).ToHaveTextAsync("2");
        await Assertions.Expect(oversight.GetByRole(AriaRole.Link, new() { Name = "My work: 2 waiting" })).ToBeVisibleAsync();
        await Assertions.Expect(work.GetByRole(AriaRole.Link, new() { NameRegex = new("^Approve or return the charter of “US–Russia inter-parliamentary task force”$") })).ToBeVisibleAsync();

        // Acting on an item moves it on: taken under review, the proposal now waits for approval or return.
        await work.GetByRole(AriaRole.Link, new() { NameRegex = new("^Review the proposal “") }).ClickAsync();
        await oversight.GetByRole(AriaRole.Button, new() { Name = "Take under review" }).ClickAsync();
        await oversight.GotoAsync(server.Address.ToString());
        await Assertions.Expect(work.GetByRole(AriaRole.Link, new() { NameRegex = new("^Approve or return the proposal “.*” \\(under review\\)$") })).ToBeVisibleAsync();
        await Assertions.Expect(oversight.GetByTestId("work-count")).ToHaveTextAsync("2");

        // The officer chooses to hear of reviews by e-mail at once: an address is needed, said beside its field.
        await oversight.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await oversight.GetByLabel("Proposals and charters to review").SelectOptionAsync(new SelectOptionValue { Label = "At once" });
        await oversight.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(oversight.Locator(".field-error")).ToContainTextAsync("Give the e-mail address the notifications go to");
        await oversight.GetByLabel("Your e-mail address").FillAsync("oversight@state.example");
        await oversight.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(oversight.GetByTestId("done")).ToHaveTextAsync("Your notification choices are saved.");
        await Assertions.Expect(oversight.GetByLabel("Proposals and charters to review")).ToHaveValueAsync("AtOnce");
        await Assertions.Expect(oversight.GetByLabel("Your e-mail address")).ToHaveValueAsync("oversight@state.example");
        await oversight.GotoAsync(server.Address.ToString());

        // In Russian, the same work in Russian words.
        await oversight.GetByRole(AriaRole.Link, new() { Name = "Русский" }).ClickAsync();
        await Assertions.Expect(oversight.GetByRole(AriaRole.Region, new() { Name = "Ждёт вас" })
            .GetByRole(AriaRole.Link, new() { NameRegex = new("^Утвердите или верните предложение «.*» \\(на рассмотрении\\)$") })).ToBeVisibleAsync();

        // The clerk: the Moscow letter's overdue leg, and the commitments past their day; the auditor: nothing to do.
        var clerk = await BrowserTests.SignInAsync(browser, server.Address, "clerk", Parley.Demo.DemoStory.Password);
        await clerk.GotoAsync(server.Address.ToString());
        var letter = clerk.GetByRole(AriaRole.Region, new() { Name = "Waiting for you" }).GetByRole(AriaRole.Link, new() { NameRegex = new("^Letter 2018\\/1 needs attention: leg overdue \\(since 2018-08-11") });
        await Assertions.Expect(letter).ToBeVisibleAsync();
        // The navigation counts what the page lists (it does without the exceptions' names, not without the items).
        var listed = await clerk.GetByTestId("work-count").InnerTextAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Link, new() { Name = $"My work: {listed} waiting" })).ToBeVisibleAsync();
        await letter.ClickAsync();
        await Assertions.Expect(clerk).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/letters/[0-9a-f-]{36}$"));

        // A user of a Russian institution who has not chosen a language starts in Russian; one who has, keeps theirs.
        var russian = await BrowserTests.SignInAsync(browser, server.Address, "clerk-ru", Parley.Demo.DemoStory.Password, language: null);
        await Assertions.Expect(russian.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Ждёт вас") })).ToBeVisibleAsync();
        var chose = await BrowserTests.SignInAsync(browser, server.Address, "clerk-ru", Parley.Demo.DemoStory.Password, language: "en");
        await Assertions.Expect(chose.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Waiting for you") })).ToBeVisibleAsync();

        var auditor = await BrowserTests.SignInAsync(browser, server.Address, "auditor", Parley.Demo.DemoStory.Password);
        await auditor.GotoAsync(server.Address.ToString());
        await Assertions.Expect(auditor.GetByTestId("work-count")).ToHaveTextAsync("0");
        await Assertions.Expect(auditor.GetByText("Nothing waits for you")).ToBeVisibleAsync();
    }
}
