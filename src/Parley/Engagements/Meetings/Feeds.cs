using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Parley.Calendars;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>Engagements as iCalendar (RFC 5545 via Ical.Net, written by <see cref="IcsFiles"/>): a meeting, a person's meetings, a task force's series.</summary>
public static class Feeds
{
    public static string Meeting(Meeting meeting, IReadOnlyDictionary<Guid, string> names, DateTime stamp) =>
        IcsFiles.Write(IcsFiles.Calendar(meeting.Title), [Event(meeting, names)], stamp);

    public static async Task<string> PersonAsync(ParleyDb db, Guid person, string name, DateTime stamp, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => p.Person == person)).OrderBy(m => m.StartsAt).Take(5000).ToListAsync(ct);
        var names = await Directory.DirectoryNames.NamesAsync(db, meetings.SelectMany(m => m.Participants.Select(p => p.Person)), ct);
        return IcsFiles.Write(IcsFiles.Calendar($"Parley: {name}"), meetings.Select(m => Event(m, names)), stamp);
    }

    public static async Task<string> TaskForceAsync(ParleyDb db, TaskForce force, DateTime stamp, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.TaskForce == force.Id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        var names = await Directory.DirectoryNames.NamesAsync(db, meetings.SelectMany(m => m.Participants.Select(p => p.Person)), ct);
        return TaskForce(force, await HostZones.ForAsync(db, force, ct), meetings, names, stamp);
    }

    /// <summary>
    /// The series with RRULE and VTIMEZONE (one per host when hosts alternate, each in the host's zone); a recorded meeting
    /// on a planned day overrides that occurrence of its host's series (RECURRENCE-ID).
    /// </summary>
    public static string TaskForce(TaskForce force, HostZones zones, IReadOnlyList<Meeting> meetings, IReadOnlyDictionary<Guid, string> names, DateTime stamp)
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
        return IcsFiles.Write(IcsFiles.Calendar(force.Name), events, stamp);
    }

    public static CalendarEvent Event(Meeting m, IReadOnlyDictionary<Guid, string> names)
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
            Sequence = m.Revision,
            LastModified = IcsFiles.Utc(m.RevisedAt),
        };
        if (m.TimeUnknown)
            (e.DtStart, e.DtEnd) = (new CalDateTime(DateOnly.FromDateTime(Zones.Local(m.StartsAt, m.Zone))), new CalDateTime(DateOnly.FromDateTime(Zones.Local(m.StartsAt, m.Zone)).AddDays(1)));
        else
            (e.DtStart, e.DtEnd) = (Local(m.StartsAt, m.Zone), Local(m.EndsAt, m.Zone));
        return e;
    }

    private static CalDateTime Local(DateTime utc, string zone) => Cadence.Local(Zones.Local(utc, zone), zone);
}
