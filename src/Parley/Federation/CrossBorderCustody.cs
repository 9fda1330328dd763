using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>A hand-over to an institution of another node: the canonical bytes of the giver's event and the giver institution's signature over them.</summary>
public sealed record HandoverMessage(string Canonical, string Signature)
{
    public const string Kind = "custody.handover";
}

/// <summary>
/// The receiver's answer to such a hand-over, recorded on its node: confirmed (with its institution's signature over the
/// giver's bytes) or disputed. It carries the hand-over itself (<see cref="Step"/>, the giver's bytes and signature), so
/// the registry's node can record a step between two other nodes even when the giver's notice of it is still on its way.
/// </summary>
public sealed record AnswerMessage(Guid LetterId, Guid HandoverId, bool Confirmed, DateTime At, bool SealIntact, string? Reason, string? Signature,
    HandoverMessage? Step = null)
{
    public const string Kind = "custody.answer";
}

/// <summary>
/// Custody across the border, the sending side of both halves: a hand-over signed here whose receiver another node hosts
/// goes to that node; an answer given here to a hand-over another node recorded goes back to it. Either goes also to the
/// node of the letter's registry when that is a third node (a courier's hand-over to the addressee), so the registry's
/// chain holds every step. Queued in the write that records the step; steps recorded from a peer's message are never
/// sent on.
/// </summary>
public sealed class CustodyDispatches(IServiceProvider services) : IRecordReaction
{
    public async ValueTask ReactAsync(WriteScope scope, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (Inbox.IsFromPeer(scope.Actor) || e is not (HandoverSigned { Giver: true } or HandoverConfirmed or HandoverDisputed))
            return;
        var db = scope.Db;
        switch (e)
        {
            case HandoverSigned signed:
                var handover = await db.Handovers.FirstAsync(h => h.Id == signed.HandoverId, ct);
                var step = new HandoverMessage(Convert.ToBase64String(await SignedBytes.OfAsync(db, handover, ct)), signed.Signature);
                foreach (var peer in await PeersOfAsync(db, handover.ToInstitution, handover.LetterId, ct))
                {
                    await Outbox.QueueAsync(scope, services.GetRequiredService<NodeKey>(), peer, HandoverMessage.Kind, $"handover/{handover.Id}",
                        JsonSerializer.Serialize(step, EventCatalog.Json), stored.Sequence, ct);
                }
                break;
            case HandoverConfirmed or HandoverDisputed:
                var id = e is HandoverConfirmed c ? c.HandoverId : ((HandoverDisputed)e).HandoverId;
                var answered = await db.Handovers.FirstAsync(h => h.Id == id, ct);
                if (await db.RemoteSteps.AsNoTracking().FirstOrDefaultAsync(r => r.HandoverId == id, ct) is not { } remote || answered.GiverSignature is null)
                    return;
                var recorded = new HandoverMessage(Convert.ToBase64String(remote.Canonical), answered.GiverSignature);
                var answer = e is HandoverConfirmed confirmed
                    ? new AnswerMessage(answered.LetterId, id, true, confirmed.At, confirmed.SealIntact, null, answered.ReceiverSignature, recorded)
                    : new AnswerMessage(answered.LetterId, id, false, ((HandoverDisputed)e).At, true, ((HandoverDisputed)e).Reason, null, recorded);
                foreach (var peer in await PeersOfAsync(db, answered.FromInstitution, answered.LetterId, ct))
                {
                    await Outbox.QueueAsync(scope, services.GetRequiredService<NodeKey>(), peer, AnswerMessage.Kind, $"handover/{id}",
                        JsonSerializer.Serialize(answer, EventCatalog.Json), stored.Sequence, ct);
                }
                break;
        }
    }

    /// <summary>The nodes a step goes to: the one hosting <paramref name="institution"/> (the other side of it), and the one hosting the letter's registry; each once, never this node.</summary>
    private static async Task<IReadOnlyList<string>> PeersOfAsync(ParleyDb db, Guid institution, Guid letterId, CancellationToken ct)
    {
        var registry = await db.Letters.AsNoTracking().Where(l => l.Id == letterId).Select(l => l.Registry).FirstAsync(ct);
        return await db.RemoteInstitutions.AsNoTracking().Where(r => r.InstitutionId == institution || r.InstitutionId == registry)
            .Select(r => r.Peer).Distinct().OrderBy(p => p).ToListAsync(ct);
    }
}

/// <summary>The receiving side: a peer's hand-over to an institution hosted here, and a peer's answer to a hand-over recorded here.</summary>
public static class ReceiveCustody
{
    /// <summary>
    /// Records a hand-over another node recorded: sent by the giver's node, or <paramref name="relayed"/> inside the
    /// receiver's answer (then it holds by the giver's signature alone). It is taken for a receiver hosted here, or for a
    /// letter whose registry is here (a step between two other nodes); the same step again changes nothing.
    /// </summary>
    public static async Task<Result<Guid>> HandoverAsync(WriteScope scope, string peer, HandoverMessage message, CancellationToken ct, bool relayed = false)
    {
        var db = scope.Db;
        CanonicalEvent entry;
        HandoverRecorded? handover;
        try
        {
            entry = CanonicalEvent.Decode(Convert.FromBase64String(message.Canonical));
            handover = EventCatalog.Deserialize(entry.Type, entry.Payload) as HandoverRecorded;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or ArgumentException or IndexOutOfRangeException)
        {
            return new DomainError("canonical", $"The hand-over's event does not read: {e.Message}");
        }
        if (handover is null)
            return new DomainError("canonical", $"The event sent as a hand-over is a {entry.Type}.");
        var giver = await db.RemoteInstitutions.AsNoTracking().FirstOrDefaultAsync(r => r.InstitutionId == handover.FromInstitution, ct);
        if (giver is null || (!relayed && giver.Peer != peer))
            return new DomainError("canonical", $"The giver {handover.FromInstitution} is not an institution {(relayed ? "a peer" : peer)} hosts.");
        var letter = await db.Letters.AsNoTracking().Where(l => l.Id == handover.LetterId).Select(l => new { l.Registry }).FirstOrDefaultAsync(ct);
        if (letter is null)
            return Inbox.NotYet($"Letter {handover.LetterId} is not in this register yet (its envelope has not arrived).");
        if (!await db.HostedInstitutions.AnyAsync(h => h.InstitutionId == handover.ToInstitution || h.InstitutionId == letter.Registry, ct))
            return new DomainError("canonical", $"Neither the receiver {handover.ToInstitution} nor the letter's registry is hosted by this node.");
        var bytes = Convert.FromBase64String(message.Canonical);
        if (!Verifies(giver.SigningKey, bytes, message.Signature))
            return new DomainError("signature", $"The hand-over is not signed by the giver's key as {giver.Peer}'s log published it.");
        if (await db.RemoteSteps.AsNoTracking().FirstOrDefaultAsync(r => r.HandoverId == handover.HandoverId, ct) is { } known)
        {
            return known.Canonical.AsSpan().SequenceEqual(bytes)
                ? handover.HandoverId
                : new DomainError("canonical", $"Hand-over {handover.HandoverId} is recorded here with other bytes.", ErrorKind.Conflict);
        }
        if (await db.Handovers.AnyAsync(h => h.Id == handover.HandoverId, ct))
            return new DomainError("canonical", $"Hand-over {handover.HandoverId} is already recorded.", ErrorKind.Conflict);
        await scope.RecordAsync(handover, ct);
        await scope.RecordAsync(new HandoverSigned(handover.LetterId, handover.HandoverId, handover.FromInstitution, true, message.Signature), ct);
        await scope.RecordAsync(new HandoverRecordedElsewhere(handover.LetterId, handover.HandoverId, giver.Peer, entry.Sequence, message.Canonical), ct);
        return handover.HandoverId;
    }

    public static async Task<Result<Guid>> AnswerAsync(WriteScope scope, string peer, AnswerMessage answer, CancellationToken ct)
    {
        var db = scope.Db;
        if (!await db.Handovers.AnyAsync(h => h.Id == answer.HandoverId, ct) && answer.Step is { } step)
        {
            // A step between two other nodes, answered before its giver's notice arrived: the answer brings the step.
            var recorded = await HandoverAsync(scope, peer, step, ct, relayed: true);
            if (!recorded.Succeeded)
                return recorded;
            if (recorded.Value != answer.HandoverId)
                return new DomainError("step", $"The step the answer carries is hand-over {recorded.Value}, not {answer.HandoverId}.");
        }
        var handover = await db.Handovers.FindAsync([answer.HandoverId], ct);
        if (handover is null || handover.LetterId != answer.LetterId)
            return new DomainError("handoverId", $"Hand-over {answer.HandoverId} of letter {answer.LetterId} is not recorded here.");
        var receiver = await db.RemoteInstitutions.AsNoTracking().FirstOrDefaultAsync(r => r.InstitutionId == handover.ToInstitution, ct);
        if (receiver is null || receiver.Peer != peer)
            return new DomainError("handoverId", $"The hand-over's receiver is not an institution {peer} hosts.");
        if (handover.State != HandoverState.Recorded)
            return new DomainError("handoverId", $"Hand-over {answer.HandoverId} has already been answered.", ErrorKind.Conflict);
        if (!answer.Confirmed)
        {
            await scope.RecordAsync(new HandoverDisputed(answer.LetterId, answer.HandoverId, answer.At, answer.Reason is { Length: > 0 and <= 1000 } r ? r : "disputed on the receiver's node"), ct);
            return handover.Id;
        }
        var bytes = await SignedBytes.OfAsync(db, handover, ct);
        if (answer.Signature is null || !Verifies(receiver.SigningKey, bytes, answer.Signature))
            return new DomainError("signature", $"The confirmation is not signed by the receiver's key as {peer}'s log published it.");
        await scope.RecordAsync(new HandoverSigned(answer.LetterId, answer.HandoverId, handover.ToInstitution, false, answer.Signature), ct);
        await scope.RecordAsync(new HandoverConfirmed(answer.LetterId, answer.HandoverId, answer.At, answer.SealIntact), ct);
        return handover.Id;
    }

    private static bool Verifies(string signingKey, byte[] bytes, string signature)
    {
        try
        {
            return InstitutionKeys.Verify(signingKey, bytes, signature);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
