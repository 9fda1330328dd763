using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Parley.Access;
using Parley.Directory;
using Parley.Tests.EngagementsSlice;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

/// <summary>The State Department's records, imported, as a reader finds them: the timeline between two countries, a person's visits, the register's pages.</summary>
[Collection(BrowserTests.Collection)]
public sealed class VisitBrowserTests
{
    [Fact]
    public async Task The_timeline_between_two_countries_a_persons_visits_and_the_register_pages()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        await HistoryImportTests.ImportPresidentsAsync(server);
        await HistoryImportTests.ImportAsync(server, HistoryImportTests.HistoryFolder());
        var reader = await server.AddUserAsync(Role.Staff, KnownInstitutions.UsPresident);

        // The API gives the same timeline, and says which field is wrong.
        using var api = await server.ClientAsync(Role.Staff, KnownInstitutions.UsPresident);
        var items = (await api.GetFromJsonAsync<JsonElement>("/api/visits/timeline?country=US&with=RU&from=1972&to=2015")).EnumerateArray().ToList();
        Assert.Equal(items.OrderBy(i => i.GetProperty("startsOn").GetString()).Select(i => i.GetProperty("id").GetGuid()), items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.All(items, i => Assert.Contains(i.GetProperty("fromCountry").GetString() + ">" + i.GetProperty("destinationCountry").GetString(), new[] { "US>RU", "RU>US" }));
        using (var backwards = await api.GetAsync("/api/visits?from=2015&to=1972"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
            Assert.Equal("from", (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }
        var medvedev = await api.GetFromJsonAsync<JsonElement>("/api/visits?q=dmitriy");
        Assert.True(medvedev.GetProperty("total").GetInt32() >= 5, medvedev.ToString()); // every spelling of him, found by one

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await BrowserTests.SignInAsync(browser, server.Address, reader, ParleyServer.Password);
        await page.GotoAsync(new Uri(server.Address, "/engagements").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "All visits: search, filter by country, and the timeline between two countries" }).ClickAsync();

        await page.GetByLabel("Country", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "United States" });
        await page.GetByLabel("and country").SelectOptionAsync(new SelectOptionValue { Label = "Russia" });
        await page.GetByLabel("From year").FillAsync("1972");
        await page.GetByLabel("To year").FillAsync("2015");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Visits between United States and Russia, 1972–2015");
        await Assertions.Expect(page.GetByText($"{items.Count} visits: ")).ToBeVisibleAsync();

        // Each way in its column, year by year: Nixon to Moscow in 1972, Putin to the United Nations in 2015.
        var timeline = page.GetByRole(AriaRole.Table, new() { Name = "Visits between United States and Russia, 1972–2015" });
        var y1972 = timeline.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "1972", Exact = true }) });
        await Assertions.Expect(y1972.Locator("td").Nth(0)).ToContainTextAsync("Richard Milhous Nixon · Moscow, Leningrad, Kiev");
        await Assertions.Expect(y1972.Locator("td").Nth(1)).ToBeEmptyAsync();
        var y2015 = timeline.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "2015", Exact = true }) });
        await Assertions.Expect(y2015.Locator("td").Nth(1)).ToContainTextAsync("Vladimir Putin");
        await Assertions.Expect(timeline.GetByRole(AriaRole.Rowheader, new() { Name = "1971" })).ToHaveCountAsync(0);
        await Assertions.Expect(timeline.GetByRole(AriaRole.Rowheader, new() { Name = "2016" })).ToHaveCountAsync(0);

        // A person's page lists their visits and whom they met on them.
        await y2015.Locator("td").Nth(1).GetByRole(AriaRole.Link, new() { Name = "Vladimir Putin" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Vladimir Putin" }).First.ClickAsync(); // the visit's page names its traveller
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vladimir Putin");
        var met = page.GetByRole(AriaRole.Table, new() { Name = "Has met" });
        await Assertions.Expect(met.GetByRole(AriaRole.Row).Filter(new() { HasText = "George Walker Bush" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("^All \\d+ visits of this person$") })).ToBeVisibleAsync();

        // The register pages: the next page holds other visits.
        await page.GotoAsync(new Uri(server.Address, "/visits").ToString());
        var first = await page.Locator("tbody tr td:nth-child(2)").First.InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next →" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Page 2")).ToBeVisibleAsync();
        Assert.NotEqual(first, await page.Locator("tbody tr td:nth-child(2)").First.InnerTextAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        // Every register takes its page number from the address (the route's own "page" once shadowed it: always page 1).
        foreach (var register in new[] { "/letters?page=3", "/statements?page=3", "/directory?q=a&page=3", "/visits?page=3" })
        {
            await page.GotoAsync(new Uri(server.Address, register).ToString());
            await Assertions.Expect(page.Locator("nav.pager")).ToContainTextAsync("Page 3");
        }
    }
}
