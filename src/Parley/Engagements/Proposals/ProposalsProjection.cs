using Parley.Record;

namespace Parley.Engagements;

/// <summary>Projects proposals and their workflow steps.</summary>
public static class ProposalsProjection
{
    /// <summary>Projects one of its events; false for any other.</summary>
    public static async ValueTask<bool> ApplyAsync(ParleyDb db, EngagementEvent e, StoredEvent stored, CancellationToken ct)
    {
        switch (e)
        {
            case ProposalMade p:
                db.Proposals.Add(new Proposal
                {
                    Id = p.Id,
                    Title = p.Title,
                    Purpose = p.Purpose,
                    PartyA = p.PartyA,
                    PartyB = p.PartyB,
                    ProposedBy = p.ProposedBy,
                    Oversight = p.Oversight,
                    State = ProposalState.Proposed,
                    ProposedAt = stored.RecordedAt,
                    Source = p.Source,
                    Window = p.Window.Select(w => new WindowConstraint { Kind = w.Kind, Chamber = w.Chamber, Date = w.Date }).ToList(),
                });
                break;
            case ProposalStepped s:
                var proposal = await db.FindRowAsync<Proposal>([s.Id], ct) ?? throw Missing("proposal", s.Id);
                proposal.State = ProposalFlow.Next(proposal.State, s.Step) ?? throw new InvalidOperationException($"Step {s.Step} is not allowed from {proposal.State}.");
                proposal.LastReason = s.Reason ?? proposal.LastReason;
                proposal.Meeting = s.Meeting ?? proposal.Meeting;
                if (s.Step == ProposalStep.Resubmit)
                    (proposal.PartnerAccepted, proposal.PartnerReason, proposal.PartnerAnsweredAt) = (null, null, null);
                break;
            case ProposalAnswered a:
                var answered = await db.FindRowAsync<Proposal>([a.Id], ct) ?? throw Missing("proposal", a.Id);
                (answered.PartnerAccepted, answered.PartnerReason, answered.PartnerAnsweredAt) = (a.Accepted, a.Reason, stored.RecordedAt);
                if (!a.Accepted)
                    (answered.State, answered.LastReason) = (ProposalState.Returned, a.Reason);
                break;
            default:
                return false;
        }
        return true;
    }

    private static InvalidOperationException Missing(string what, Guid id) => new($"The {what} {id} is not in the projection.");
}
