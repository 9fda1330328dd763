using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Parley.Directory;
using Parley.Mail;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Engagements;

/// <summary>
/// Invitations as the participants receive them: iMIP mail (RFC 6047) through a real SMTP server the test runs, each
/// calendar part read by Mozilla's ical.js as a calendar client would; a REQUEST when a meeting is scheduled, a CANCEL
/// with the same UID and a higher SEQUENCE when it is cancelled; and a server that is down receives them when it returns.
/// </summary>
public sealed class InvitationMailTests
{
    private const string Organizer = "registry@parley.example";

    private const string Directory = """
        {
          "persons": [
            { "id": "anna", "name": "Anna Keller", "contact_details": [ { "type": "email", "value": "anna.keller@senate.example" } ] },
            { "id": "pavel", "name": "Pavel Orlov", "contact_details": [ { "type": "phone", "value": "+7 495 000 00 00" }, { "type": "email", "value": "p.orlov@council.example" } ] },
            { "id": "mark", "name": "Mark Doe" }
          ],
          "organizations": [
            { "id": "a", "name": "Committee on Arms Control", "classification": "committee" },
            { "id": "b", "name": "Council Committee on Security", "classification": "committee" }
          ]
        }
        """;

    private static MailConfig Config(Uri server) => new(server, Organizer) { Interval = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Participants_with_an_address_receive_a_REQUEST_and_then_a_CANCEL_of_the_same_event(string provider)
    {
        await using var mail = MailServer.Start();
        await using var server = await ParleyServer.StartAsync(provider, s => s.AddSingleton(Config(mail.Address)));
        var meeting = await ScheduleAsync(server);

        var invitations = await mail.WaitForAsync(2);
        await Task.Delay(1000);
        Assert.Equal(2, mail.Messages.Count);
        Assert.Equal(["anna.keller@senate.example", "p.orlov@council.example"], invitations.Select(To).Order());
        var request = await ReadAsync(invitations[0], "REQUEST");
        var invited = Assert.Single(request.Events);
        Assert.Equal($"meeting-{meeting}@parley", invited.Uid);
        Assert.Equal($"mailto:{Organizer}", invited.Organizer);
        Assert.Equal(["mailto:anna.keller@senate.example", "mailto:p.orlov@council.example"], invited.Attendees.Select(a => a.Address).Order());
        Assert.All(invited.Attendees, a => Assert.Equal(("REQ-PARTICIPANT", "NEEDS-ACTION"), (a.Role, a.Partstat)));
        Assert.Contains(invited.Attendees, a => a.Name == "Anna Keller");
        // 10:00 in Geneva in February is 09:00 UTC, read from the object's own VTIMEZONE.
        Assert.Equal("2019-02-05T09:00:00.000Z", invited.Start);
        Assert.StartsWith("Invitation: Arms control talks", invitations[0].Subject, StringComparison.Ordinal);
        Assert.Contains("Anna Keller", invitations[0].TextBody!, StringComparison.Ordinal);

        using var staff = await server.EverythingClientAsync();
        // A changed agenda is an update of the same event: the same UID, a higher SEQUENCE.
        using (var agenda = await staff.PutAsJsonAsync($"/api/meetings/{meeting}/agenda", new[] { new { title = "Verification measures", minutes = 60 } }))
            Assert.Equal(HttpStatusCode.NoContent, agenda.StatusCode);
        var updated = (await mail.WaitForAsync(4)).Skip(2).ToList();
        Assert.All(updated, m => Assert.StartsWith("Updated: Arms control talks", m.Subject, StringComparison.Ordinal));
        var update = Assert.Single((await ReadAsync(updated[0], "REQUEST")).Events);
        Assert.Equal(invited.Uid, update.Uid);
        Assert.True(update.Sequence > invited.Sequence, $"SEQUENCE {update.Sequence} after {invited.Sequence}");
        Assert.Contains("Verification measures", updated[0].TextBody!, StringComparison.Ordinal);

        using (var cancelled = await staff.PostAsJsonAsync($"/api/meetings/{meeting}/cancel", new { reason = "Postponed by both sides" }))
            Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var all = await mail.WaitForAsync(6);
        var cancellation = await ReadAsync(all[^1], "CANCEL");
        var withdrawn = Assert.Single(cancellation.Events);
        Assert.Equal(invited.Uid, withdrawn.Uid);
        Assert.True(withdrawn.Sequence > update.Sequence, $"SEQUENCE {withdrawn.Sequence} after {update.Sequence}");
        Assert.Equal("CANCELLED", withdrawn.Status);
        Assert.Contains("Postponed by both sides", all[^1].TextBody, StringComparison.Ordinal);
        Assert.Equal(2, all.Count(m => m.Subject!.StartsWith("Cancelled:", StringComparison.Ordinal)));

        var outbox = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().OutgoingMail.ToListAsync());
        Assert.Equal(6, outbox.Count);
        Assert.All(outbox, m => Assert.NotNull(m.SentAt));
        Assert.DoesNotContain(all, m => To(m).Contains("mark", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_mail_server_that_is_down_receives_each_invitation_once_when_it_returns(string provider)
    {
        var port = ParleyProcess.FreePort();
        await using var server = await ParleyServer.StartAsync(provider, s => s.AddSingleton(Config(new Uri($"smtp://127.0.0.1:{port}"))));
        await ScheduleAsync(server);

        // Nothing listens yet: each attempt fails, is noted, and waits longer; nothing is lost.
        List<OutgoingMail> waiting = [];
        for (var i = 0; i < 50 && !(waiting.Count == 2 && waiting.All(m => m.Attempts >= 2)); i++)
        {
            await Task.Delay(200);
            waiting = await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().OutgoingMail.AsNoTracking().ToListAsync());
        }
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, m => Assert.Null(m.SentAt));
        Assert.Contains(waiting, m => m.Attempts >= 2 && m.LastError is { Length: > 0 });

        await using var mail = MailServer.Start(port);
        var arrived = await mail.WaitForAsync(2);
        await Task.Delay(2000);
        Assert.Equal(2, mail.Messages.Count);
        Assert.Equal(2, arrived.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await server.InScopeAsync(s => s.GetRequiredService<ParleyDb>().OutgoingMail.ToListAsync()), m => Assert.NotNull(m.SentAt));
    }

    /// <summary>The directory (two people with an address, one without) imported as Popolo, and a meeting of the three scheduled through the API.</summary>
    private static async Task<Guid> ScheduleAsync(ParleyServer server)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, Directory);
        var imported = await server.InScopeAsync(s => s.GetRequiredService<Recorder>().WriteAsync("import:popolo",
            async (scope, ct) => Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(scope, Popolo.Read(file), null, ct))));
        Assert.True(imported.Succeeded, imported.Error?.Message);
        Guid Id(string source) => StableId.For("popolo", source);
        using var staff = await server.EverythingClientAsync();
        using var scheduled = await staff.PostAsJsonAsync("/api/meetings", new
        {
            title = "Arms control talks",
            place = "Geneva",
            zone = "Europe/Zurich",
            start = "2019-02-05T10:00:00",
            end = "2019-02-05T12:00:00",
            participants = new[]
            {
                new { person = Id("anna"), side = Id("a") },
                new { person = Id("mark"), side = Id("a") },
                new { person = Id("pavel"), side = Id("b") },
            },
        });
        var body = await scheduled.Content.ReadAsStringAsync();
        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    /// <summary>The message's text/calendar part, whose method parameter names the iTIP method, read by ical.js.</summary>
    private static async Task<IcalJs.Invitation> ReadAsync(MimeMessage message, string method)
    {
        var part = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal(method, part.ContentType.Parameters["method"]);
        Assert.NotNull(message.BodyParts.OfType<TextPart>().SingleOrDefault(p => p.IsPlain));
        var invitation = await IcalJs.ReadInvitationAsync(part.Text);
        Assert.Equal(method, invitation.Method);
        return invitation;
    }

    [Fact]
    public async Task A_mail_server_that_asks_for_a_sign_in_gets_the_user_and_password_of_the_smtp_address()
    {
        await using var mail = MailServer.Start(login: ("parley", "s3cret pass"));
        var server = new Uri($"smtp://parley:s3cret%20pass@127.0.0.1:{mail.Port}");
        await using var parley = await ParleyServer.StartAsync("sqlite", s => s.AddSingleton(Config(server)));
        await ScheduleAsync(parley);
        Assert.Equal(2, (await mail.WaitForAsync(2)).Count);
    }
}
