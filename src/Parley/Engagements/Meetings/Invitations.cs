using Ical.Net;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Parley.Calendars;
using Parley.Directory;
using Parley.Mail;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>
/// A meeting's invitations by e-mail (iMIP, RFC 6047, carrying iTIP, RFC 5546): when a meeting is scheduled or its
/// agenda changes, each participant with an e-mail address in the directory is sent a REQUEST; when it is cancelled, a
/// CANCEL. The event's UID is the meeting's, its SEQUENCE the meeting's revision, so a calendar client updates the
/// event it has instead of adding another. Queued in the write that records the change (<see cref="IRecordReaction"/>).
/// </summary>
public sealed class Invitations(MailConfig config) : IRecordReaction
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    /// <summary>Someone to invite: their name and the address the directory gives for them.</summary>
    public sealed record Invitee(Guid Person, string Name, string Email);

    public async ValueTask ReactAsync(WriteScope scope, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (!config.Enabled)
            return;
        var (meetingId, method) = e switch
        {
            MeetingScheduled s => (s.Id, Request),
            AgendaSet a => (a.Meeting, Request),
            MeetingCancelled c => (c.Meeting, Cancel),
            _ => (Guid.Empty, null),
        };
        if (method is null || await scope.Db.FindRowAsync<Meeting>([meetingId], ct) is not { } meeting)
            return;
        var people = meeting.Participants.Select(p => p.Person).Distinct().ToList();
        // Addresses first: a meeting none of whose participants has one costs this one query.
        var addresses = (await scope.Db.RecordDetails.AsNoTracking().Where(d => d.Of == DetailsOf.Person && people.Contains(d.Id)).ToListAsync(ct))
            .SelectMany(d => Details.Parse(d.Json).Emails.Take(1).Select(email => (Person: d.Id, Email: email))).OrderBy(a => people.IndexOf(a.Person)).ToList();
        if (addresses.Count == 0)
            return;
        var names = await DirectoryNames.NamesAsync(scope.Db, people.Concat(meeting.Participants.Select(p => p.Side)), ct);
        var invitees = addresses.Select(a => new Invitee(a.Person, names.GetValueOrDefault(a.Person, a.Email), a.Email)).ToList();
        foreach (var mail in Compose(meeting, method, invitees, names, config.From, scope.Now, stored.Sequence))
            scope.Db.OutgoingMail.Add(mail);
    }

    /// <summary>The decision: one message per invitee, each carrying the same iTIP object (every invitee an ATTENDEE).</summary>
    public static IReadOnlyList<OutgoingMail> Compose(Meeting meeting, string method, IReadOnlyList<Invitee> invitees, IReadOnlyDictionary<Guid, string> names,
        string organizer, DateTime now, long cause)
    {
        if (invitees.Count == 0)
            return [];
        var calendar = Calendar(meeting, method, invitees, names, organizer, now);
        var when = meeting.TimeUnknown
            ? DateOnly.FromDateTime(Zones.Local(meeting.StartsAt, meeting.Zone)).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : Zones.Label(meeting.StartsAt, meeting.Zone);
        var subject = method == Cancel ? $"Cancelled: {meeting.Title}" : meeting.Revision > 0 ? $"Updated: {meeting.Title}" : $"Invitation: {meeting.Title}";
        var text = method == Cancel
            ? $"The meeting \"{meeting.Title}\" ({when}, {meeting.Place}) is cancelled: {meeting.CancelledBecause}\n"
            : $"{meeting.Title}\n{when}, {meeting.Place}\n\nParticipants: {string.Join("; ", meeting.Participants.Select(p => names.GetValueOrDefault(p.Person, "")))}\n"
                + (meeting.Agenda.Count == 0 ? "" : "\nAgenda:\n" + string.Join("\n", meeting.Agenda.OrderBy(a => a.Order).Select(a => $"{a.Order}. {a.Title} ({a.Minutes} min)")) + "\n");
        return invitees.Select(i => new OutgoingMail
        {
            Id = Guid.CreateVersion7(),
            Cause = cause,
            QueuedAt = now,
            NextAttemptAt = now,
            To = i.Email,
            ToName = i.Name,
            Subject = subject.Length > 400 ? subject[..400] : subject,
            Text = text + "\nSent by Parley; the attached invitation updates your calendar.\n",
            Calendar = calendar,
            Method = method,
            MessageId = $"{Guid.CreateVersion7():N}@{organizer.Split('@')[^1]}",
        }).ToList();
    }

    /// <summary>The iTIP object: the meeting as the feeds write it, with METHOD, ORGANIZER and the invitees as ATTENDEEs.</summary>
    public static string Calendar(Meeting meeting, string method, IReadOnlyList<Invitee> invitees, IReadOnlyDictionary<Guid, string> names, string organizer, DateTime now)
    {
        var calendar = new Calendar { ProductId = "-//Parley//Parley engagements//EN", Method = method };
        var e = Feeds.Event(meeting, names);
        e.Organizer = new Organizer($"mailto:{organizer}") { CommonName = "Parley" };
        foreach (var invitee in invitees)
        {
            e.Attendees.Add(new Attendee($"mailto:{invitee.Email}")
            {
                CommonName = invitee.Name,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = method == Cancel ? null : "NEEDS-ACTION",
                Rsvp = false,
            });
        }
        if (method == Cancel)
            e.Status = "CANCELLED";
        return IcsFiles.Write(calendar, [e], now);
    }
}
