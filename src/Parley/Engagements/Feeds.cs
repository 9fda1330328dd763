using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>iCalendar out (RFC 5545 via Ical.Net): a meeting, a person's meetings, a task force's series, a chamber's calendar.</summary>
public static class Feeds
{
    public const string MediaType = "text/calendar; charset=utf-8";

    public static string Meeting(Meeting meeting, IReadOnlyDictionary<Guid, string> names) => Write(Calendar([meeting.Zone], $"{meeting.Title}"), [Event(meeting, names)]);

    public static async Task<string> PersonAsync(ParleyDb db, Guid person, string name, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => p.Person == person)).OrderBy(m => m.StartsAt).Take(5000).ToListAsync(ct);
        var names = await Directory.DirectoryNames.NamesAsync(db, meetings.SelectMany(m => m.Participants.Select(p => p.Person)), ct);
        return Write(Calendar(meetings.Select(m => m.Zone), $"Parley: {name}"), meetings.Select(m => Event(m, names)));
    }

    public static async Task<string> TaskForceAsync(ParleyDb db, TaskForce force, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.TaskForce == force.Id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        var names = await Directory.DirectoryNames.NamesAsync(db, meetings.SelectMany(m => m.Participants.Select(p => p.Person)), ct);
        return TaskForce(force, await HostZones.ForAsync(db, force, ct), meetings, names);
    }

    /// <summary>
    /// The series with RRULE and VTIMEZONE (one per host when hosts alternate, each in the host's zone); a recorded meeting
    /// on a planned day overrides that occurrence of its host's series (RECURRENCE-ID).
    /// </summary>
    public static string TaskForce(TaskForce force, HostZones zones, IReadOnlyList<Meeting> meetings, IReadOnlyDictionary<Guid, string> names)
    {
        var series = Cadence.Series(force, zones);
        var events = series.Select(s => s.Series).ToList();
        var planned = meetings.Count == 0 ? [] : Cadence.Between(force, zones, meetings[0].StartsAt.AddDays(-2), meetings[^1].StartsAt.AddDays(2));
        foreach (var m in meetings)
        {
            var e = Event(m, names);
            var day = DateOnly.FromDateTime(Zones.Local(m.StartsAt, force.Zone));
            if (planned.FirstOrDefault(o => DateOnly.FromDateTime(Zones.Local(o.StartsAt, force.Zone)) == day) is { } occurrence)
            {
                e.Uid = series.First(s => s.Host == occurrence.Host).Series.Uid;
                e.RecurrenceIdentifier = new RecurrenceIdentifier(Local(occurrence.StartsAt, occurrence.Zone), null);
            }
            events.Add(e);
        }
        return Write(Calendar(meetings.Select(m => m.Zone).Append(zones.A).Append(zones.B), force.Name), events);
    }

    public static string Chamber(string name, IEnumerable<CalendarPeriod> periods) =>
        Write(Calendar([], $"{name}: sessions and recesses"), periods.Select(p =>
        {
            var e = new CalendarEvent
            {
                Uid = $"period-{p.Id}@parley",
                Summary = p.Name,
                DtStart = new CalDateTime(p.StartsOn),
                DtEnd = new CalDateTime(p.EndsOn.AddDays(1)),
                DtStamp = new CalDateTime(p.StartsOn.ToDateTime(TimeOnly.MinValue), false),
                Transparency = "TRANSPARENT",
            };
            e.Categories.Add(p.Kind switch { PeriodKind.Session => "SESSION", PeriodKind.SittingDay => "SITTING", PeriodKind.Recess => "RECESS" });
            return e;
        }));

    private static CalendarEvent Event(Meeting m, IReadOnlyDictionary<Guid, string> names)
    {
        var agenda = m.Agenda.OrderBy(a => a.Order).Select(a => $"{a.Order}. {a.Title} ({a.Minutes} min)");
        var people = m.Participants.Select(p => names.GetValueOrDefault(p.Person, "") + (p.Post is { } post ? $" ({post})" : ""));
        var e = new CalendarEvent
        {
            Uid = $"meeting-{m.Id}@parley",
            Summary = m.Title,
            Location = m.Place,
            Description = string.Join("\n", new[] { "Participants: " + string.Join("; ", people) }.Concat(agenda.Any() ? ["Agenda:", .. agenda] : [])),
            Status = m.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            DtStamp = new CalDateTime(m.StartsAt, "UTC", true),
        };
        if (m.TimeUnknown)
            (e.DtStart, e.DtEnd) = (new CalDateTime(DateOnly.FromDateTime(Zones.Local(m.StartsAt, m.Zone))), new CalDateTime(DateOnly.FromDateTime(Zones.Local(m.StartsAt, m.Zone)).AddDays(1)));
        else
            (e.DtStart, e.DtEnd) = (Local(m.StartsAt, m.Zone), Local(m.EndsAt, m.Zone));
        return e;
    }

    private static CalDateTime Local(DateTime utc, string zone) => Cadence.Local(Zones.Local(utc, zone), zone);

    private static Calendar Calendar(IEnumerable<string> zones, string name)
    {
        // PUBLISH: a feed to display, not an invitation to answer (what Outlook and Google expect of a subscription).
        var calendar = new Calendar { ProductId = "-//Parley//Parley engagements//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var zone in zones.Distinct(StringComparer.Ordinal))
            calendar.AddTimeZone(zone);
        return calendar;
    }

    private static string Write(Calendar calendar, IEnumerable<CalendarEvent> events)
    {
        foreach (var e in events)
            calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

/// <summary>Secret feed links: one per issue, revocable; only the secret's SHA-256 is stored, outside the record.</summary>
public static class FeedTokens
{
    public static async Task<Result<(Guid Id, string Secret)>> IssueAsync(WriteScope scope, Guid account, CancellationToken ct)
    {
        if (!await scope.Db.Accounts.AnyAsync(a => a.Id == account, ct))
            return new DomainError("account", $"No account {account}.", ErrorKind.NotFound);
        var id = Guid.CreateVersion7();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await scope.RecordAsync(new FeedTokenIssued(id, account), ct);
        scope.Db.FeedTokenSecrets.Add(new FeedTokenSecret { TokenId = id, Hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)) });
        return Result<(Guid, string)>.Ok((id, secret));
    }

    public static async Task<Result<Guid>> RevokeAsync(WriteScope scope, Guid account, Guid id, CancellationToken ct)
    {
        if (await scope.Db.FeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Account == account, ct) is not { } token)
            return new DomainError("token", $"You have no feed link {id}.", ErrorKind.NotFound);
        if (token.RevokedAt is not null)
            return new DomainError("token", "This feed link was already revoked.", ErrorKind.Conflict);
        await scope.RecordAsync(new FeedTokenRevoked(id, account), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>The account a live secret belongs to, or null for an unknown or revoked one.</summary>
    public static async Task<Guid?> AccountAsync(ParleyDb db, string secret, CancellationToken ct)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
        return await db.FeedTokenSecrets.Where(s => s.Hash == hash)
            .Join(db.FeedTokens.Where(t => t.RevokedAt == null), s => s.TokenId, t => t.Id, (s, t) => (Guid?)t.Account)
            .FirstOrDefaultAsync(ct);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
