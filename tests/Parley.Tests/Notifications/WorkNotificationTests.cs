using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Parley.Access;
using Parley.Demo;
using Parley.Mail;
using Parley.Notifications;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.NotificationsSlice;

/// <summary>
/// Users hear of their work by e-mail as each chose, through a real SMTP server the test runs: at once, each item once
/// and again only when it changes; a daily digest once a day; never, nothing; every item a link that opens it.
/// </summary>
public sealed class WorkNotificationTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Each_user_hears_of_their_work_as_they_chose_and_each_item_once(string provider)
    {
        await using var mail = MailServer.Start();
        await using var server = await ParleyServer.StartAsync(provider, s =>
        {
            s.AddSingleton(new MailConfig(mail.Address, "registry@parley.example") { Interval = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) });
            // The digest hour is midnight, so today's digest is due as soon as the test starts.
            s.AddSingleton(new NotificationConfig { Interval = TimeSpan.FromMilliseconds(200), DigestHourUtc = 0 });
        });
        Assert.True((await server.InScopeAsync(s => DemoStory.LoadAsync(s, default))).Succeeded);
        var proposal = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().Proposals.Select(p => p.Id).SingleAsync());
        using var officer = await server.ClientAsync(Role.OversightOfficer, DemoDirectory.StateDepartment);
        using var clerk = await server.ClientAsync(Role.RegistryClerk, Parley.Directory.KnownInstitutions.UsPresident);
        using var quiet = await server.ClientAsync(Role.OversightOfficer, DemoDirectory.StateDepartment);

        // Bad input names the field and changes nothing.
        var noAddress = await officer.PutAsJsonAsync("/api/account/notifications", Choice("", reviews: "AtOnce"));
        Assert.Equal(HttpStatusCode.BadRequest, noAddress.StatusCode);
        Assert.Contains("email", (await noAddress.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        // A PUT replaces the whole choice: a part of one names what is missing.
        var part = await officer.PutAsJsonAsync("/api/account/notifications", new { reviews = "AtOnce" });
        Assert.Equal(HttpStatusCode.BadRequest, part.StatusCode);
        Assert.Equal(["commitments", "email", "letters", "minutes"], (await part.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PutAsJsonAsync("/api/account/notifications", Choice("not an address", reviews: "AtOnce"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await officer.PutAsJsonAsync("/api/account/notifications", Choice("officer@state.example", reviews: "AtOnce"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PutAsJsonAsync("/api/account/notifications", Choice("clerk@eop.example", letters: "Daily", commitments: "Daily"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await quiet.PutAsJsonAsync("/api/account/notifications", Choice("quiet@state.example"))).StatusCode);
        Assert.Equal("AtOnce", (await officer.GetFromJsonAsync<JsonElement>("/api/account/notifications")).GetProperty("reviews").GetString());

        // The officer is told at once of the proposal and the charter, in one message; the clerk gets today's digest.
        var first = await mail.WaitForAsync(2);
        var toOfficer = Assert.Single(first, m => To(m) == "officer@state.example");
        Assert.Equal("2 new things wait for you in Parley", toOfficer.Subject);
        Assert.Contains("Review the proposal “", toOfficer.TextBody, StringComparison.Ordinal);
        Assert.Contains("the charter of “US–Russia inter-parliamentary task force”", toOfficer.TextBody, StringComparison.Ordinal);
        var digest = Assert.Single(first, m => To(m) == "clerk@eop.example");
        Assert.StartsWith("Your day in Parley: ", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Letter 2018/1 needs attention: leg overdue", digest.TextBody, StringComparison.Ordinal);

        // Every item is a link straight to it, on this server.
        var link = toOfficer.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.Contains($"/proposals/{proposal}", StringComparison.Ordinal));
        Assert.StartsWith(server.Address.GetLeftPart(UriPartial.Authority), link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/proposals/{proposal}")).StatusCode);

        // Rounds go on: nothing is told twice, the digest is once a day, and "never" sends nothing.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, mail.Messages.Count);

        // The proposal taken under review is a new item (approve or return it): told once, at once.
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsJsonAsync($"/api/proposals/{proposal}/steps", new { step = "Review" })).StatusCode);
        var next = (await mail.WaitForAsync(3))[2];
        Assert.Equal("officer@state.example", To(next));
        Assert.StartsWith("Waiting for you in Parley: Approve or return the proposal “", next.Subject, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(3, mail.Messages.Count);
        Assert.DoesNotContain(mail.Messages, m => To(m) == "quiet@state.example");
    }

    /// <summary>A whole choice, as a PUT takes it.</summary>
    private static object Choice(string email, string letters = "Never", string reviews = "Never", string minutes = "Never", string commitments = "Never") =>
        new { email, letters, reviews, minutes, commitments };

    private static string To(MimeMessage m) => ((MailboxAddress)m.To[0]).Address;
}
