using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record CharterDecision(bool Approve, [property: MaxLength(4000)] string? Reason);

/// <summary>The oversight institution approves a task force's charter, or returns it with a reason.</summary>
public static class DecideCharter
{
    /// <summary>Anyone who reads engagements may ask; the decision checks that they are an oversight officer of the oversight institution.</summary>
    public const Permission Needs = Permission.ReadEngagements;

    public static Result<CharterDecided> Decide(Guid id, TaskForce? force, bool approve, string? reason, Actor actor)
    {
        if (force is null)
            return EngagementErrors.NoTaskForce(id);
        if (!(actor.Roles.Contains(Role.OversightOfficer) && actor.Institution == force.Oversight))
            return EngagementErrors.NotTheCharterOversight;
        if (force.CharterState != CharterState.AwaitingApproval)
            return EngagementErrors.CharterDecided(force.CharterState);
        if (!approve && string.IsNullOrWhiteSpace(reason))
            return EngagementErrors.CharterReturnReason;
        if (reason is { Length: > 4000 })
            return EngagementErrors.CharterReasonTooLong;
        return new CharterDecided(id, approve, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, bool approve, string? reason, Actor actor, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(id, await scope.Db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct), approve, reason, actor), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/task-forces/{id:guid}/charter", (UseCaseEdge edge, Actor actor, Guid id, CharterDecision body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.Approve, body.Reason, actor, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Approve or return a task force's charter (oversight officers of the oversight institution)").Done();
}
