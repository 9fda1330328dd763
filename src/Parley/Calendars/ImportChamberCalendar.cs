using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>An uploaded calendar file: its name (for messages) and its text.</summary>
public sealed record CalendarFile([property: MaxLength(200)] string? File, [property: MaxLength(2097152)] string? Text);

/// <summary>
/// Import an iCalendar file into a chamber's calendar: every event or none, a fault named by file and line. Each period
/// is keyed by its chamber and its VEVENT's UID, so importing the file again (or its next edition) changes the periods
/// it changed and adds the new ones instead of adding every period twice.
/// </summary>
public static class ImportChamberCalendar
{
    public const Permission Needs = Permission.RecordEngagements;

    /// <summary>The id of a chamber's period from a file's UID: the same in every import and every store.</summary>
    public static Guid PeriodId(Guid chamber, string uid) => StableId.For("calendar-uid", $"{chamber}/{uid}");

    /// <summary>What the import records: the new periods in one event, and a change for each known period the file changes.</summary>
    public static Result<IReadOnlyList<CalendarsEvent>> Decide(Guid chamber, bool chamberKnown, IReadOnlyList<CalendarImport.ImportedPeriod> periods,
        IReadOnlyDictionary<Guid, CalendarPeriod> known, string source)
    {
        var added = periods.Where(p => !known.ContainsKey(PeriodId(chamber, p.Uid))).ToList();
        var events = new List<CalendarsEvent>();
        if (added.Count > 0)
        {
            var ids = new Queue<Guid>(added.Select(p => PeriodId(chamber, p.Uid)));
            var recorded = AddCalendarPeriods.Decide(chamber, chamberKnown, added.Select(p => p.Period).ToList(), source, ids.Dequeue);
            if (!recorded.Succeeded)
                return recorded.Error!;
            events.Add(recorded.Value!);
        }
        else if (!chamberKnown)
        {
            return CalendarErrors.NoChamber(chamber);
        }
        foreach (var p in periods.Where(p => known.ContainsKey(PeriodId(chamber, p.Uid))))
        {
            var period = known[PeriodId(chamber, p.Uid)];
            var changed = ChangeCalendarPeriod.Decide(period.Id, period, p.Period);
            if (!changed.Succeeded)
                return changed.Error!;
            var entry = changed.Value!.Period;
            if ((entry.Kind, entry.Name, entry.StartsOn, entry.EndsOn) != (period.Kind, period.Name, period.StartsOn, period.EndsOn))
                events.Add(changed.Value);
        }
        return events;
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid chamber, CalendarFile body, CancellationToken ct)
    {
        var file = FileName(body);
        var read = CalendarImport.Read(body.Text ?? "", file);
        if (!read.Succeeded)
            return read.Error!;
        var ids = read.Value!.Select(p => PeriodId(chamber, p.Uid)).ToList();
        var known = await scope.Db.CalendarPeriods.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var chamberKnown = await scope.Db.Institutions.AnyAsync(i => i.Id == chamber, ct);
        var decided = Decide(chamber, chamberKnown, read.Value!, known, $"imported from {file}");
        if (!decided.Succeeded)
            return decided.Error!;
        foreach (var e in decided.Value!)
            await scope.RecordAsync(e, ct);
        return chamber;
    }

    /// <summary>The name faults are reported against: the upload's own, without any folder.</summary>
    public static string FileName(CalendarFile body) => string.IsNullOrWhiteSpace(body.File) ? "calendar.ics" : Path.GetFileName(body.File);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/calendars/{chamber:guid}/import", (UseCaseEdge edge, Actor actor, Guid chamber, CalendarFile body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, chamber, body, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Import an iCalendar file into a chamber's calendar: all events or none, a fault named by line; a second import updates its periods by UID").Done();
}
