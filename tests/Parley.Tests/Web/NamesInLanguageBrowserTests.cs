using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Parley.Access;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.WebSlice;

/// <summary>A reader in Russian sees people and institutions by their Russian names where the directory has them.</summary>
[Collection(BrowserTests.Collection)]
public sealed class NamesInLanguageBrowserTests
{
    [Fact]
    public async Task A_reader_in_Russian_sees_the_directorys_Russian_names_on_the_register_a_letter_and_a_meeting()
    {
        await using var server = await ParleyServer.StartAsync("sqlite");
        Assert.True((await server.InScopeAsync(s => Parley.Demo.DemoStory.LoadAsync(s, default))).Succeeded);
        var (letter, meeting) = await server.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<ParleyDb>();
            return (await db.Letters.Where(l => l.Dated == new DateOnly(2018, 8, 3)).Select(l => l.Id).SingleAsync(),
                await db.Meetings.Where(m => m.Title.Contains("Kosachev")).Select(m => m.Id).FirstAsync());
        });
        var auditor = await server.AddUserAsync(Role.Auditor);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);

        var ru = await BrowserTests.SignInAsync(browser, server.Address, auditor, ParleyServer.Password);
        await ru.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=ru|uic=ru", Url = server.Address.GetLeftPart(UriPartial.Authority) }]);
        await ru.GotoAsync(new Uri(server.Address, "/letters").ToString());
        await Assertions.Expect(ru.Locator("tbody")).ToContainTextAsync("Администрация Президента Российской Федерации");
        await ru.GotoAsync(new Uri(server.Address, $"/letters/{letter}").ToString());
        await Assertions.Expect(ru.Locator("main")).ToContainTextAsync("Администрация Президента Российской Федерации");
        await Assertions.Expect(ru.Locator("main")).Not.ToContainTextAsync("Presidential Administration of Russia");
        await ru.GotoAsync(new Uri(server.Address, $"/meetings/{meeting}").ToString());
        await Assertions.Expect(ru.Locator("main")).ToContainTextAsync("Константин Косачёв");
        await Assertions.Expect(ru.Locator("main")).ToContainTextAsync("Рэнд Пол");

        // The same pages in English keep the English names.
        var en = await BrowserTests.SignInAsync(browser, server.Address, auditor, ParleyServer.Password);
        await en.GotoAsync(new Uri(server.Address, $"/meetings/{meeting}").ToString());
        await Assertions.Expect(en.Locator("main")).ToContainTextAsync("Konstantin Kosachev");
        await Assertions.Expect(en.Locator("main")).Not.ToContainTextAsync("Косачёв");
    }
}
