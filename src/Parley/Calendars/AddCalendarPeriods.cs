using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>Add sessions, sitting days or recesses to a chamber's calendar, by hand or from an import; all or none.</summary>
public static class AddCalendarPeriods
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<CalendarPeriodsRecorded> Decide(Guid chamber, bool chamberKnown, IReadOnlyList<PeriodInput> periods, string? source, Func<Guid> newId)
    {
        if (!chamberKnown)
            return CalendarErrors.NoChamber(chamber);
        if (periods.Count == 0)
            return CalendarErrors.NoPeriods;
        var entries = new List<PeriodEntry>();
        foreach (var (p, n) in periods.Select((p, i) => (p, i + 1)))
        {
            var checkedPeriod = PeriodRules.Check(p, newId(), periods.Count == 1 ? "" : $"Period {n}: ");
            if (!checkedPeriod.Succeeded)
                return checkedPeriod.Error!;
            entries.Add(checkedPeriod.Value!);
        }
        return new CalendarPeriodsRecorded(chamber, entries, source);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid chamber, IReadOnlyList<PeriodInput> periods, string? source, CancellationToken ct)
    {
        var known = await scope.Db.Institutions.AnyAsync(i => i.Id == chamber, ct);
        return await scope.RecordAsync(Decide(chamber, known, periods, source, Guid.CreateVersion7), _ => chamber, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/calendars/{chamber:guid}/periods", (UseCaseEdge edge, Actor actor, Guid chamber, IReadOnlyList<PeriodInput> body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, chamber, body, "entered by hand", c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Add periods to a chamber's calendar").Done();
}
