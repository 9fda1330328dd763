using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>Change one period of a chamber's calendar (its kind, name or days).</summary>
public static class ChangeCalendarPeriod
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<CalendarPeriodChanged> Decide(Guid id, CalendarPeriod? period, PeriodInput input)
    {
        if (period is null)
            return CalendarErrors.NoPeriod(id);
        var checkedPeriod = PeriodRules.Check(input, id);
        return checkedPeriod.Succeeded ? new CalendarPeriodChanged(period.Chamber, checkedPeriod.Value!) : checkedPeriod.Error!;
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, PeriodInput input, CancellationToken ct)
    {
        var period = await scope.Db.CalendarPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return await scope.RecordAsync(Decide(id, period, input), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/calendars/periods/{id:guid}", (UseCaseEdge edge, Actor actor, Guid id, PeriodInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Change a calendar period").Done();
}
