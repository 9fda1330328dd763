using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>Remove one period from a chamber's calendar.</summary>
public static class RemoveCalendarPeriod
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<CalendarPeriodRemoved> Decide(Guid id, CalendarPeriod? period) =>
        period is null ? CalendarErrors.NoPeriod(id) : new CalendarPeriodRemoved(period.Chamber, id);

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(id, await scope.Db.CalendarPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapDelete("/calendars/periods/{id:guid}", (UseCaseEdge edge, Actor actor, Guid id, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Remove a calendar period").Done();
}
