using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;

namespace Parley.Federation;

/// <summary>A proposal sent to the node of its invited party: the proposal as made, and the names of the institutions it mentions.</summary>
public sealed record ProposalMessage(ProposalMade Proposal, IReadOnlyList<InstitutionRecorded> Institutions)
{
    public const string Kind = "engagement.proposal";
}

/// <summary>The invited party's answer, sent back to the proposing node; or the proposers' resubmission, sent to the invited party's.</summary>
public sealed record ProposalAnswerMessage(ProposalAnswered? Answer, Guid? Resubmitted)
{
    public const string Kind = "engagement.proposal-answer";
}

/// <summary>
/// A meeting proposal between committees of two nodes crosses to the invited party's node (party B), whose own users
/// accept it or return it with reasons there; the answer comes back. Returned, it may be resubmitted, which the invited
/// party's node learns too. The oversight steps (review, approval) and the scheduling stay on the proposing node: they
/// are its oversight institution's. Steps recorded from a peer's message are never sent on.
/// </summary>
public sealed class ProposalDispatches(IServiceProvider services) : IRecordReaction
{
    public async ValueTask ReactAsync(WriteScope scope, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (Inbox.IsFromPeer(scope.Actor) || e is not (ProposalMade or ProposalAnswered or ProposalStepped { Step: ProposalStep.Resubmit }))
            return;
        var db = scope.Db;
        switch (e)
        {
            case ProposalMade made when await PeerOfAsync(db, made.PartyB, ct) is { } invited && await HostedAsync(db, made.PartyA, ct):
                var mentioned = new[] { made.PartyA, made.PartyB, made.Oversight }.Concat(made.Window.Select(w => w.Chamber).OfType<Guid>()).Distinct().ToList();
                var institutions = await db.Institutions.AsNoTracking().Include(i => i.Names).Where(i => mentioned.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(ct);
                var message = new ProposalMessage(made with { ProposedBy = null },
                    [.. institutions.Select(i => RecordInstitution.FromState(i) with { ParentId = null, Identifiers = [] })]);
                await QueueAsync(scope, invited, ProposalMessage.Kind, made.Id, JsonSerializer.Serialize(message, EventCatalog.Json), stored, ct);
                break;
            case ProposalAnswered answered when await ProposalAsync(db, answered.Id, ct) is { } proposal && await PeerOfAsync(db, proposal.PartyA, ct) is { } proposing:
                await QueueAsync(scope, proposing, ProposalAnswerMessage.Kind, answered.Id, JsonSerializer.Serialize(new ProposalAnswerMessage(answered, null), EventCatalog.Json), stored, ct);
                break;
            case ProposalStepped resubmitted when await ProposalAsync(db, resubmitted.Id, ct) is { } proposal && await PeerOfAsync(db, proposal.PartyB, ct) is { } invited:
                await QueueAsync(scope, invited, ProposalAnswerMessage.Kind, resubmitted.Id, JsonSerializer.Serialize(new ProposalAnswerMessage(null, resubmitted.Id), EventCatalog.Json), stored, ct);
                break;
        }
    }

    private Task QueueAsync(WriteScope scope, string peer, string kind, Guid proposal, string body, StoredEvent stored, CancellationToken ct) =>
        Outbox.QueueAsync(scope, services.GetRequiredService<NodeKey>(), peer, kind, $"proposal/{proposal}", body, stored.Sequence, ct, services.GetService<OutboxSignal>());

    private static async Task<Proposal?> ProposalAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.Proposals.FindAsync([id], ct);

    private static async Task<string?> PeerOfAsync(ParleyDb db, Guid institution, CancellationToken ct) =>
        await db.RemoteInstitutions.AsNoTracking().Where(r => r.InstitutionId == institution).Select(r => r.Peer).FirstOrDefaultAsync(ct);

    private static Task<bool> HostedAsync(ParleyDb db, Guid institution, CancellationToken ct) => db.HostedInstitutions.AnyAsync(h => h.InstitutionId == institution, ct);
}

/// <summary>The receiving side: a proposal to a party hosted here, from the node hosting its proposer; and answers and resubmissions of it.</summary>
public static class ReceiveProposal
{
    public static async Task<Result<Guid>> ProposalAsync(WriteScope scope, string peer, ProposalMessage message, CancellationToken ct)
    {
        var db = scope.Db;
        var made = message.Proposal;
        if (!await db.RemoteInstitutions.AnyAsync(r => r.InstitutionId == made.PartyA && r.Peer == peer, ct))
            return new DomainError("proposal", $"The proposing party {made.PartyA} is not an institution {peer} hosts.");
        if (!await db.HostedInstitutions.AnyAsync(h => h.InstitutionId == made.PartyB, ct))
            return new DomainError("proposal", $"The invited party {made.PartyB} is not hosted by this node.");
        if (await db.Proposals.AnyAsync(p => p.Id == made.Id, ct))
            return new DomainError("proposal", $"Proposal {made.Id} is already here.", ErrorKind.Conflict);
        var ids = message.Institutions.Select(i => i.Id).ToList();
        var present = (await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        foreach (var institution in message.Institutions.Where(i => !present.Contains(i.Id) && i.Names.Count > 0))
            await scope.RecordAsync(institution with { ParentId = null, Identifiers = [] }, ct);
        var described = present.Concat(message.Institutions.Where(i => i.Names.Count > 0).Select(i => i.Id)).ToHashSet();
        var missing = new[] { made.Oversight }.Concat(made.Window.Select(w => w.Chamber).OfType<Guid>()).Where(i => !described.Contains(i)).ToList();
        if (missing.Count > 0)
            return new DomainError("proposal", $"The proposal names institution {missing[0]}, which neither this directory nor the message describes.");
        await scope.RecordAsync(made with { ProposedBy = null }, ct);
        return made.Id;
    }

    public static async Task<Result<Guid>> AnswerAsync(WriteScope scope, string peer, ProposalAnswerMessage message, CancellationToken ct)
    {
        var db = scope.Db;
        var id = message.Answer?.Id ?? message.Resubmitted ?? Guid.Empty;
        if (await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } proposal)
            return new DomainError("proposal", $"Proposal {id} is not here.");
        if (message.Answer is { } answer)
        {
            // The answer is the invited party's, from its node, to a proposal this node's party made.
            if (answer.Party != proposal.PartyB || !await db.RemoteInstitutions.AnyAsync(r => r.InstitutionId == proposal.PartyB && r.Peer == peer, ct))
                return new DomainError("answer", $"{peer} does not host the invited party of proposal {id}.");
            if (!ProposalFlow.Answerable(proposal))
                return new DomainError("answer", $"Proposal {id} is {proposal.State.ToString().ToLowerInvariant()} and cannot be answered now.", ErrorKind.Conflict);
            if (!answer.Accepted && string.IsNullOrWhiteSpace(answer.Reason))
                return new DomainError("answer", "A returned proposal carries its reasons.");
            await scope.RecordAsync(answer, ct);
            return id;
        }
        if (!await db.RemoteInstitutions.AnyAsync(r => r.InstitutionId == proposal.PartyA && r.Peer == peer, ct))
            return new DomainError("proposal", $"{peer} does not host the proposing party of proposal {id}.");
        if (ProposalFlow.Next(proposal.State, ProposalStep.Resubmit) is null)
            return new DomainError("proposal", $"Proposal {id} is {proposal.State.ToString().ToLowerInvariant()}; only a returned proposal is resubmitted.", ErrorKind.Conflict);
        await scope.RecordAsync(new ProposalStepped(id, ProposalStep.Resubmit, null, null), ct);
        return id;
    }
}
