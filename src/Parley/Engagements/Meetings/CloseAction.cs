using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record CloseActionRequest(ActionStatus Status);

/// <summary>Close an open action item as done or dropped.</summary>
public static class CloseAction
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<ActionClosed> Decide(Guid id, ActionItem? action, ActionStatus status)
    {
        if (action is null)
            return EngagementErrors.NoAction(id);
        if (status == ActionStatus.Open)
            return EngagementErrors.ActionCloseAs;
        if (action.Status != ActionStatus.Open)
            return EngagementErrors.ActionClosed(action.Status);
        return new ActionClosed(id, action.Meeting, status);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, ActionStatus status, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(id, await scope.Db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct), status), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/actions/{id:guid}/close", (UseCaseEdge edge, Actor actor, Guid id, CloseActionRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.Status, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Close an action item as done or dropped").Done();
}
