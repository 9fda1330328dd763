using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Parley.Access;
using Parley.Directory;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

/// <summary>Registries number letters each on their own, so a number is shown with its registry, and an entry that could mean several letters offers them.</summary>
[Collection(BrowserTests.Collection)]
public sealed class LetterNumberBrowserTests
{
    [Fact]
    public async Task The_register_names_each_letters_registry_and_an_ambiguous_number_offers_the_letters_it_could_mean()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        Assert.True((await server.InScopeAsync(s => Parley.Demo.DemoStory.LoadAsync(s, default))).Succeeded);
        // A second registry numbers its first letter of 2018 "2018/1" too.
        var senateOffice = await server.AddInstitutionAsync("Office of the Secretary of the Senate", InstitutionKind.Other);
        using (var senateClerk = await server.ClientAsync(Role.RegistryClerk, senateOffice))
        {
            using var registered = await senateClerk.PostAsJsonAsync("/api/letters", new
            {
                direction = "Outgoing",
                dated = "2018-09-01",
                senderInstitution = senateOffice,
                addresseeInstitution = KnownInstitutions.UsPresident,
                subject = "Schedule of the session",
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        }
        var moscow = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Letters.Where(l => l.Dated == new DateOnly(2018, 8, 3)).Select(l => l.Id).SingleAsync());
        var auditor = await server.AddUserAsync(Role.Auditor);
        var staff = await server.AddUserAsync(Role.Staff);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);

        var reader = await BrowserTests.SignInAsync(browser, server.Address, auditor, ParleyServer.Password);
        await reader.GotoAsync(new Uri(server.Address, "/letters").ToString());
        // Every filter is labelled on the page, the dates too.
        foreach (var label in new[] { "Dated from", "Dated to" })
            await Assertions.Expect(reader.Locator("label").Filter(new() { HasText = label })).ToBeVisibleAsync();
        var rows = reader.GetByRole(AriaRole.Row).Filter(new() { Has = reader.GetByRole(AriaRole.Link, new() { Name = "2018/1", Exact = true }) });
        await Assertions.Expect(rows.Filter(new() { HasText = "Office of the Secretary of the Senate" })).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Filter(new() { HasText = "Executive Office of the President" })).Not.ToHaveCountAsync(0);

        var page = await BrowserTests.SignInAsync(browser, server.Address, staff, ParleyServer.Password);
        await page.GotoAsync(new Uri(server.Address, "/statements/new").ToString());
        await page.GetByLabel("Speaker (full name as in the directory)").FillAsync("Dmitry Peskov");
        await page.GetByLabel("Said on").FillAsync("2018-08-08");
        await page.GetByLabel("Verbatim text").FillAsync("The letter has arrived.");
        await page.GetByLabel("Concerns letter number (optional)").FillAsync("2018/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("letters have the number 2018/1; enter the one you mean with its registry");
        var choices = page.GetByRole(AriaRole.List, new() { Name = "Letters with this number" }).GetByRole(AriaRole.Button);
        Assert.True(await choices.CountAsync() >= 2);
        await choices.Filter(new() { HasText = "2018/1 (Executive Office of the President of the United States)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/statements/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator($"a[href='/letters/{moscow}']").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_register_sorts_and_exports_exactly_what_the_filter_shows_as_CSV()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        Assert.True((await server.InScopeAsync(s => Parley.Demo.DemoStory.LoadAsync(s, default))).Succeeded);
        var office = await server.AddInstitutionAsync("Office of the Secretary of the Senate", InstitutionKind.Other);
        using (var clerk = await server.ClientAsync(Role.RegistryClerk, office))
        {
            foreach (var (dated, subject) in new[] { ("1999-01-04", "=HYPERLINK(\"http://example.test\") schedule"), ("2019-05-02", "Session calendar, spring") })
            {
                using var registered = await clerk.PostAsJsonAsync("/api/letters", new
                {
                    direction = "Outgoing",
                    dated,
                    senderInstitution = office,
                    addresseeInstitution = KnownInstitutions.UsPresident,
                    subject,
                });
                Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
            }
        }
        var auditor = await server.AddUserAsync(Role.Auditor);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await BrowserTests.SignInAsync(browser, server.Address, auditor, ParleyServer.Password);
        await page.GotoAsync(new Uri(server.Address, "/letters").ToString());
        await page.GetByLabel("Order").SelectOptionAsync(new SelectOptionValue { Label = "Dated, oldest first" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var dates = await page.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.Equal("1999-01-04", dates[0]);
        Assert.Equal(dates.Order(StringComparer.Ordinal).ToList(), dates.ToList());

        await page.GetByLabel("Order").SelectOptionAsync(new SelectOptionValue { Label = "Dated, newest first" });
        await page.GetByLabel("Dated from").FillAsync("1990-01-01");
        await page.GetByLabel("Dated to").FillAsync("2018-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var shown = await page.Locator("tbody tr td:nth-child(1)").AllInnerTextsAsync();
        var shownDates = await page.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.DoesNotContain("2019-05-02", shownDates);
        // Headless Chromium cancels downloads (microsoft/playwright#29355), so the link is followed with the page's own cookies.
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Export what the filter shows (CSV)" });
        var answer = await page.Context.APIRequest.GetAsync(new Uri(server.Address, await link.GetAttributeAsync("href")).ToString());
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("attachment; filename=\"letters-", answer.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.StartsWith("text/csv", answer.Headers["content-type"], StringComparison.Ordinal);
        using var reader = new StreamReader(new MemoryStream(await answer.BodyAsync()));
        using var csv = new CsvHelper.CsvReader(reader, System.Globalization.CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (await csv.ReadAsync())
            records.Add(Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? "").ToArray());
        Assert.Equal(["Number", "Registry", "Dated", "Recorded (UTC)", "Subject", "Sender", "To", "Status", "Exceptions", "Due (UTC)"], records[0]);
        Assert.Equal(shown.ToList(), records.Skip(1).Select(r => r[0]).ToList());
        Assert.Equal(shownDates.ToList(), records.Skip(1).Select(r => r[2]).ToList());
        // A subject that a spreadsheet would run as a formula is escaped.
        var formula = Assert.Single(records, r => r[4].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.StartsWith("'=", formula[4], StringComparison.Ordinal);
    }
}
