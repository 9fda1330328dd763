using Microsoft.Playwright;
using Parley.Access;
using Parley.Demo;
using Parley.Tests.EngagementsSlice;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

public sealed class EngagementBrowserTests
{
    [Fact]
    public async Task Propose_approve_schedule_minute_and_carry_actions_over()
    {
        var (server, _) = await ProposalFlowTests.StoryAsync("sqlite");
        await using var __ = server;
        var staffName = await server.AddUserAsync(Role.Staff, DemoDirectory.Sfrc);
        var officerName = await server.AddUserAsync(Role.OversightOfficer, DemoDirectory.StateDepartment);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var staff = await BrowserTests.SignInAsync(browser, server.Address, staffName, ParleyServer.Password);

        await staff.GotoAsync(new Uri(server.Address, "/proposals/new").ToString());
        await staff.GetByLabel("Title").FillAsync("Autumn meeting of the foreign-affairs committees");
        await staff.GetByLabel("Purpose").FillAsync("Kosachev's proposal: a committee-level meeting during the autumn session.");
        await staff.GetByLabel("First party").SelectOptionAsync(new SelectOptionValue { Label = "Senate Committee on Foreign Relations" });
        await staff.GetByLabel("Second party (host)").SelectOptionAsync(new SelectOptionValue { Label = "Federation Council Committee on Foreign Affairs" });
        await staff.GetByLabel("Oversight institution").SelectOptionAsync(new SelectOptionValue { Label = "United States Department of State" });
        await staff.GetByLabel("Proposed by (full name, optional)").FillAsync("Konstantin Kosachev");
        await staff.GetByLabel("While this chamber is in session").SelectOptionAsync(new SelectOptionValue { Label = "Federation Council" });
        await staff.GetByLabel("Before", new() { Exact = true }).FillAsync("2018-12-31");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("proposal-state")).ToHaveTextAsync("proposed");
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        var proposalUrl = staff.Url;

        var officer = await BrowserTests.SignInAsync(browser, server.Address, officerName, ParleyServer.Password);
        await officer.GotoAsync(proposalUrl);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("proposal-state")).ToHaveTextAsync("approved");

        await staff.ReloadAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "Find a window with the scheduling assistant" }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("Host participants (one full name per line)")).ToHaveValueAsync("Konstantin Kosachev");
        await staff.GetByLabel("Visiting participants (one full name per line)").FillAsync("Ron Johnson");
        await staff.GetByLabel("Why not this day? (optional)").FillAsync("2018-09-20");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Find windows" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Region, new() { Name = "The day you asked about" })).ToContainTextAsync("United States Senate is in session");
        var first = staff.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "2018-10-15 10:00 MSK (UTC+3)" });
        await Assertions.Expect(first).ToContainTextAsync("2018-10-15 03:00 EDT (UTC-4)");
        await first.GetByRole(AriaRole.Button, new() { Name = "Schedule at this window" }).ClickAsync();

        await Assertions.Expect(staff.GetByTestId("local-time")).ToContainTextAsync("2018-10-15 10:00 MSK");
        await Assertions.Expect(staff.GetByTestId("your-time")).ToContainTextAsync("2018-10-15 03:00 EDT (UTC-4)");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Record as held" }).ClickAsync();
        await staff.GetByLabel("Minutes text").FillAsync("The committees agreed to exchange draft agendas.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Share for comments" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Approve and lock" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("minutes-state-1")).ToHaveTextAsync("Approved");
        await Assertions.Expect(staff.GetByLabel("Correction (a new version)")).ToBeVisibleAsync();
        await staff.GetByLabel("New action item").FillAsync("Send the draft agenda to the Federation Council");
        await staff.GetByLabel("Owner (full name)").FillAsync("Ron Johnson");
        await staff.GetByLabel("Due on").FillAsync("2018-11-01");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Add action item" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = "Send the draft agenda" })).ToContainTextAsync("Open");

        await staff.GetByLabel("Schedule the next meeting of this series (local start in Europe/Moscow)").FillAsync("2019-03-05T10:00");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Schedule next meeting" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Carried over from earlier meetings" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = "Send the draft agenda" })).ToContainTextAsync("Ron Johnson");
        await Assertions.Expect(staff.GetByTestId("your-time")).ToContainTextAsync("2019-03-05 02:00 EST (UTC-5)");
    }
}
