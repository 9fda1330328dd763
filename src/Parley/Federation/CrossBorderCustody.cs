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
/// <see cref="Entry"/> is the answer's own entry in the receiver's node's log (canonical bytes, base64), which every node
/// holding the letter proves in that log (<see cref="ProveSteps"/>), so its certificate proves the receiver's half there.
/// </summary>
public sealed record AnswerMessage(Guid LetterId, Guid HandoverId, bool Confirmed, DateTime At, bool SealIntact, string? Reason, string? Signature,
    HandoverMessage? Step = null, string? Entry = null)
{
    public const string Kind = "custody.answer";
}

/// <summary>
/// Custody across the border, the sending side of both halves: a hand-over signed here whose receiver another node hosts
/// goes to that node; an answer given here to a hand-over another node recorded goes back to it. Either goes also to the
/// node of the letter's registry when that is a third one. The registry's node keeps the whole chain and relays each
/// step and answer to every other node it sent the letter's envelope to (the addressee's, a courier's), so each holds
/// every leg; no other node sends on what it received. Queued in the write that records the step.
/// </summary>
public sealed class CustodyDispatches(IServiceProvider services) : IRecordReaction
{
    public async ValueTask ReactAsync(WriteScope scope, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (e is not (HandoverSigned { Giver: true } or HandoverConfirmed or HandoverDisputed))
            return;
        var db = scope.Db;
        if (!await scope.OnceAsync(AnyPeer.Fact, AnyPeer.ReadAsync, ct))
            return;
        var id = e switch { HandoverSigned h => h.HandoverId, HandoverConfirmed c => c.HandoverId, _ => ((HandoverDisputed)e).HandoverId };
        // Found among this write's own rows too: a step received from a peer is recorded and signed in one write.
        var handover = await db.Handovers.FindAsync([id], ct) ?? throw new InvalidOperationException($"Hand-over {id} is not recorded.");
        var from = Inbox.IsFromPeer(scope.Actor) ? scope.Actor[Inbox.ActorPrefix.Length..] : null;
        var peers = await PeersAsync(db, handover, e is HandoverSigned ? handover.ToInstitution : handover.FromInstitution, from, ct);
        if (peers.Count == 0)
            return;
        var step = new HandoverMessage(Convert.ToBase64String(await SignedBytes.OfAsync(db, handover, ct)), handover.GiverSignature ?? ((HandoverSigned)e).Signature);
        // The answer's entry in the receiver's node's log: this one's, or the one a relayed answer came with.
        var entry = e is HandoverSigned ? null : Convert.ToBase64String(
            (await db.FindRowAsync<RemoteAnswer>([id], ct))?.Canonical ?? stored.ToCanonical().Encode());
        var (kind, body) = e switch
        {
            HandoverSigned => (HandoverMessage.Kind, JsonSerializer.Serialize(step, EventCatalog.Json)),
            HandoverConfirmed confirmed => (AnswerMessage.Kind, JsonSerializer.Serialize(
                new AnswerMessage(handover.LetterId, id, true, confirmed.At, confirmed.SealIntact, null, handover.ReceiverSignature, step, entry), EventCatalog.Json)),
            _ => (AnswerMessage.Kind, JsonSerializer.Serialize(
                new AnswerMessage(handover.LetterId, id, false, ((HandoverDisputed)e).At, true, ((HandoverDisputed)e).Reason, null, step, entry), EventCatalog.Json)),
        };
        foreach (var peer in peers)
            await Outbox.QueueAsync(scope, services.GetRequiredService<NodeKey>(), peer, kind, $"handover/{id}", body, stored.Sequence, ct, services.GetService<OutboxSignal>());
    }

    /// <summary>
    /// Where a step (or its answer) goes. Recorded here: to the node hosting <paramref name="otherSide"/> and to the
    /// registry's. On the registry's node, also to every node holding the letter's envelope — except the node it came from
    /// and the nodes of its two sides, which have it from the step's own node. Each once, never this node.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PeersAsync(ParleyDb db, Handover handover, Guid otherSide, string? from, CancellationToken ct)
    {
        var registry = await db.Letters.AsNoTracking().Where(l => l.Id == handover.LetterId).Select(l => l.Registry).FirstAsync(ct);
        var registryHere = await db.HostedInstitutions.AnyAsync(h => h.InstitutionId == registry, ct);
        if (from is not null && !registryHere)
            return [];
        var sides = await db.RemoteInstitutions.AsNoTracking()
            .Where(r => r.InstitutionId == handover.FromInstitution || r.InstitutionId == handover.ToInstitution || r.InstitutionId == registry)
            .ToListAsync(ct);
        var peers = new SortedSet<string>(StringComparer.Ordinal);
        if (from is null)
            peers.UnionWith(sides.Where(r => r.InstitutionId == otherSide || r.InstitutionId == registry).Select(r => r.Peer));
        if (registryHere)
        {
            var about = $"letter/{handover.LetterId}";
            var holders = await db.FederationOutbox.AsNoTracking().Where(m => m.Kind == Envelope.Kind && m.About == about).Select(m => m.Peer).ToListAsync(ct);
            var direct = sides.Where(r => r.InstitutionId == handover.FromInstitution || r.InstitutionId == handover.ToInstitution).Select(r => r.Peer).ToHashSet();
            peers.UnionWith(holders.Where(p => p != from && (from is null || !direct.Contains(p))));
        }
        return [.. peers];
    }
}

/// <summary>The receiving side: a peer's hand-over to an institution hosted here, and a peer's answer to a hand-over recorded here.</summary>
public static class ReceiveCustody
{
    /// <summary>
    /// Records a hand-over another node recorded, of a letter this node holds: sent by the giver's node, relayed by the
    /// registry's, or <paramref name="relayed"/> inside the receiver's answer — in every case only with the giver's
    /// signature under the giver's published key. The same step again changes nothing.
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
        var letter = await db.Letters.AsNoTracking().Where(l => l.Id == handover.LetterId).Select(l => new { l.Registry }).FirstOrDefaultAsync(ct);
        if (letter is null)
            return Inbox.NotYet($"Letter {handover.LetterId} is not in this register yet (its envelope has not arrived).");
        var giver = await db.RemoteInstitutions.AsNoTracking().FirstOrDefaultAsync(r => r.InstitutionId == handover.FromInstitution, ct);
        if (giver is null)
            return new DomainError("canonical", $"The giver {handover.FromInstitution} is not an institution a peer hosts.");
        // From the giver's node, relayed by the registry's (which keeps the whole chain), or inside the receiver's answer.
        if (!relayed && giver.Peer != peer && !await RegistryOfAsync(db, letter.Registry, peer, ct))
            return new DomainError("canonical", $"The giver {handover.FromInstitution} is not an institution {peer} hosts, nor does {peer} keep the letter's register.");
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
        // Where it was recorded first, before the signature: what both sides sign is those bytes, and a relay reads them.
        await scope.RecordAsync(new HandoverRecordedElsewhere(handover.LetterId, handover.HandoverId, giver.Peer, entry.Sequence, message.Canonical), ct);
        await scope.RecordAsync(new HandoverSigned(handover.LetterId, handover.HandoverId, handover.FromInstitution, true, message.Signature), ct);
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
        var registry = await db.Letters.AsNoTracking().Where(l => l.Id == handover.LetterId).Select(l => l.Registry).FirstAsync(ct);
        if (receiver is null || (receiver.Peer != peer && !await RegistryOfAsync(db, registry, peer, ct)))
            return new DomainError("handoverId", $"The hand-over's receiver is not an institution {peer} hosts, nor does {peer} keep the letter's register.");
        if (handover.State != HandoverState.Recorded)
        {
            // The same answer again (from the receiver's node and relayed by the registry's) changes nothing.
            var same = answer.Confirmed ? handover.State == HandoverState.Confirmed && handover.ReceiverSignature == answer.Signature : handover.State == HandoverState.Disputed;
            return same ? handover.Id : new DomainError("handoverId", $"Hand-over {answer.HandoverId} has already been answered otherwise.", ErrorKind.Conflict);
        }
        var entry = AnswerEntry(answer);
        if (!entry.Succeeded)
            return entry.Error!;
        // Before the answer itself: a relay of it reads the receiver's entry, which this node's certificate proves in that log.
        await scope.RecordAsync(new HandoverAnsweredElsewhere(answer.LetterId, answer.HandoverId, receiver.Peer, entry.Value, answer.Entry!), ct);
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

    /// <summary>
    /// The index, in the receiver's node's log, of the answer's own entry — which must be that answer: the confirmation or
    /// dispute of this hand-over, at the time the message says.
    /// </summary>
    private static Result<long> AnswerEntry(AnswerMessage answer)
    {
        if (answer.Entry is null)
            return new DomainError("entry", "The answer does not carry its entry in the receiver's node's log.");
        CanonicalEvent entry;
        IEvent e;
        try
        {
            entry = CanonicalEvent.Decode(Convert.FromBase64String(answer.Entry));
            e = EventCatalog.Deserialize(entry.Type, entry.Payload);
        }
        catch (Exception x) when (x is FormatException or InvalidOperationException or JsonException or ArgumentException or IndexOutOfRangeException)
        {
            return new DomainError("entry", $"The answer's entry does not read: {x.Message}");
        }
        var matches = answer.Confirmed
            ? e is HandoverConfirmed c && c.HandoverId == answer.HandoverId && c.LetterId == answer.LetterId && c.At == answer.At
            : e is HandoverDisputed d && d.HandoverId == answer.HandoverId && d.LetterId == answer.LetterId && d.At == answer.At;
        return matches ? entry.Sequence : new DomainError("entry", $"The answer's entry is a {entry.Type} at {entry.Sequence}, not this answer to hand-over {answer.HandoverId}.");
    }

    /// <summary>Whether <paramref name="peer"/> hosts the letter's registry (whose node relays every step of it).</summary>
    private static Task<bool> RegistryOfAsync(ParleyDb db, Guid registry, string peer, CancellationToken ct) =>
        db.RemoteInstitutions.AnyAsync(r => r.InstitutionId == registry && r.Peer == peer, ct);

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
