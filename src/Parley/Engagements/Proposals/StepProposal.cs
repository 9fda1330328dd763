using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record StepRequest(ProposalStep Step, [property: MaxLength(4000)] string? Reason);

/// <summary>Review, approve, return, resubmit or close a proposal; oversight steps only by an oversight officer of the oversight institution.</summary>
public static class StepProposal
{
    /// <summary>Anyone who reads engagements may ask; the decision checks the role and institution the step needs.</summary>
    public const Permission Needs = Permission.ReadEngagements;

    public static Result<ProposalStepped> Decide(Guid id, Proposal? proposal, string? oversightName, ProposalStep step, string? reason, Actor actor)
    {
        if (!ProposalFlow.IsOversight(step) && !actor.May(Permission.RecordEngagements))
            return EngagementErrors.RoleMayNotStep;
        if (proposal is null)
            return EngagementErrors.NoProposal(id);
        if (step is ProposalStep.Schedule or ProposalStep.Hold)
            return step == ProposalStep.Schedule ? EngagementErrors.ScheduleByMeeting : EngagementErrors.HoldByMeeting;
        if (ProposalFlow.IsOversight(step) && !(actor.Roles.Contains(Role.OversightOfficer) && actor.Institution == proposal.Oversight))
            return EngagementErrors.NotTheOversightOfficer(oversightName, Verb(step));
        if (ProposalFlow.Next(proposal.State, step) is null)
            return EngagementErrors.StepRefused(proposal.State, step);
        if (step == ProposalStep.Return && string.IsNullOrWhiteSpace(reason))
            return EngagementErrors.ReturnReason;
        if (reason is { Length: > 4000 })
            return EngagementErrors.ReasonTooLong;
        return new ProposalStepped(id, step, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), null);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, ProposalStep step, string? reason, Actor actor, CancellationToken ct)
    {
        var db = scope.Db;
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var oversight = proposal is null ? null : await db.Institutions.Where(i => i.Id == proposal.Oversight).Select(i => i.Name).FirstOrDefaultAsync(ct);
        return await scope.RecordAsync(Decide(id, proposal, oversight, step, reason, actor), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/proposals/{id:guid}/steps", (UseCaseEdge edge, Actor actor, Guid id, StepRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.Step, body.Reason, actor, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Take a workflow step: review, approve or return (oversight officers of the oversight institution), resubmit or close").Done();

    private static string Verb(ProposalStep step) => step switch
    {
        ProposalStep.Review => "take under review",
        ProposalStep.Approve => "approve",
        ProposalStep.Return => "return",
        _ => step.ToString().ToLowerInvariant(),
    };
}
