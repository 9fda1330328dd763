using Microsoft.Playwright;
using Parley.Tests.Infrastructure;
using Parley.Tests.WebSlice;

namespace Parley.Tests.Web;

/// <summary>The API's reference as a developer opens it: served by Parley from the Scalar package, nothing fetched elsewhere.</summary>
[Collection(BrowserTests.Collection)]
public sealed class ApiDocsBrowserTests
{
    [Fact]
    public async Task The_API_reference_shows_every_tag_and_an_operations_errors_without_leaving_the_node()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Address.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                elsewhere.Add(request.Url);
        };
        await page.GotoAsync(new Uri(server.Address, "/api/docs/").ToString());

        // Not signed in: the reference and the document it reads are public.
        foreach (var tag in new[] { "Letters", "Ledger", "Directory", "Statements", "Calendars and scheduling" })
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = tag, Exact = true }).Or(page.GetByText(tag, new() { Exact = true })).First).ToBeVisibleAsync();
        await page.GetByText("Letters", new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByText("Register a letter in the caller's registry", new() { Exact = false }).First).ToBeVisibleAsync();
        Assert.Empty(elsewhere);
    }
}
