using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record ProposalAnswerRequest(bool Accept, [property: MaxLength(4000)] string? Reason);

/// <summary>
/// The invited party (party B) accepts a proposal or returns it with reasons. On a node of its own, party B answers there
/// and the answer travels back to the proposing node; returned, the proposal waits for its authors to resubmit it.
/// </summary>
public static class AnswerProposal
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<ProposalAnswered> Decide(Guid id, Proposal? proposal, string? partyName, bool accept, string? reason, Actor actor)
    {
        if (!actor.May(Needs))
            return EngagementErrors.RoleMayNotStep;
        if (proposal is null)
            return EngagementErrors.NoProposal(id);
        if (actor.Institution != proposal.PartyB)
            return EngagementErrors.NotTheInvitedParty(partyName);
        if (!ProposalFlow.Answerable(proposal))
            return EngagementErrors.NotAnswerable(proposal.State);
        if (!accept && string.IsNullOrWhiteSpace(reason))
            return EngagementErrors.ReturnReason;
        if (reason is { Length: > 4000 })
            return EngagementErrors.ReasonTooLong;
        return new ProposalAnswered(id, proposal.PartyB, accept, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, bool accept, string? reason, Actor actor, CancellationToken ct)
    {
        var db = scope.Db;
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var party = proposal is null ? null : await db.Institutions.Where(i => i.Id == proposal.PartyB).Select(i => i.Name).FirstOrDefaultAsync(ct);
        return await scope.RecordAsync(Decide(id, proposal, party, accept, reason, actor), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/proposals/{id:guid}/answer", (UseCaseEdge edge, Actor actor, Guid id, ProposalAnswerRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.Accept, body.Reason, actor, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("The invited party (party B) accepts the proposal, or returns it with reasons").Done();
}
