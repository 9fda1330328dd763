using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Parley.Access;
using Parley.Directory;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

/// <summary>A person field takes a part of a name: it suggests the people who match as one types, and takes a part only one person has.</summary>
[Collection(BrowserTests.Collection)]
public sealed class PersonFieldBrowserTests
{
    [Fact]
    public async Task A_part_of_a_name_is_suggested_taken_when_it_is_one_persons_and_an_ambiguous_part_names_the_matches()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        Assert.True((await server.InScopeAsync(s => Parley.Demo.DemoStory.LoadAsync(s, default))).Succeeded);
        var staffName = await server.AddUserAsync(Role.Staff, KnownInstitutions.UsSenate);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var staff = await BrowserTests.SignInAsync(browser, server.Address, staffName, ParleyServer.Password);

        // One Johnson in the directory: "johnson" is him, suggested while typing and taken as typed.
        await staff.GotoAsync(new Uri(server.Address, "/statements/new").ToString());
        var speaker = staff.GetByLabel("Speaker (full name as in the directory)");
        await speaker.PressSequentiallyAsync("johns");
        var suggestions = staff.GetByRole(AriaRole.List, new() { Name = "Suggestions" });
        await Assertions.Expect(suggestions.GetByRole(AriaRole.Button, new() { Name = "Ron Johnson" })).ToBeVisibleAsync();
        await speaker.FillAsync("johnson");
        await staff.GetByLabel("Said on").FillAsync("2018-08-09");
        await staff.GetByLabel("Verbatim text").FillAsync("We will meet again in the autumn.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Statement by Ron Johnson" })).ToBeVisibleAsync();

        // A second Johnson: the part is now ambiguous, and the form names both; choosing a suggestion completes the name.
        using (var editor = await server.ClientAsync(Role.Administrator))
        {
            using var added = await editor.PostAsJsonAsync("/api/people", new { names = new[] { new { value = "Lyndon B. Johnson", lang = "en" } } });
            Assert.Equal(System.Net.HttpStatusCode.Created, added.StatusCode);
            var found = await editor.GetFromJsonAsync<JsonElement>("/api/people/suggestions?q=JOHN");
            Assert.Equal(["Lyndon B. Johnson", "Ron Johnson"], found.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        }
        await staff.GotoAsync(new Uri(server.Address, "/statements/new").ToString());
        await speaker.FillAsync("johnson");
        await staff.GetByLabel("Said on").FillAsync("2018-08-09");
        await staff.GetByLabel("Verbatim text").FillAsync("We will meet again in the autumn.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Record statement" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".field-error, [role=alert]").First).ToContainTextAsync("“johnson” could be");
        await Assertions.Expect(staff.Locator(".field-error, [role=alert]").First).ToContainTextAsync("Lyndon B. Johnson");
        await speaker.FillAsync("");
        await speaker.PressSequentiallyAsync("ron jo");
        await suggestions.GetByRole(AriaRole.Button, new() { Name = "Ron Johnson" }).ClickAsync();
        await Assertions.Expect(speaker).ToHaveValueAsync("Ron Johnson");

        // In a box of one name per line, the suggestion replaces only the line being typed.
        await staff.GotoAsync(new Uri(server.Address, "/visits/new").ToString());
        var travellers = staff.GetByLabel("Other travellers (one full name per line)");
        await travellers.FillAsync("Rand Paul\n");
        await travellers.PressAsync("End");
        await travellers.PressSequentiallyAsync("lyndon");
        await travellers.Locator("xpath=following-sibling::ul[1]").GetByRole(AriaRole.Button, new() { Name = "Lyndon B. Johnson" }).ClickAsync();
        await Assertions.Expect(travellers).ToHaveValueAsync("Rand Paul\nLyndon B. Johnson");
    }
}
