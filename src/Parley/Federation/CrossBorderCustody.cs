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

/// <summary>The receiver's answer to such a hand-over, recorded on its node: confirmed (with its institution's signature over the giver's bytes) or disputed.</summary>
public sealed record AnswerMessage(Guid LetterId, Guid HandoverId, bool Confirmed, DateTime At, bool SealIntact, string? Reason, string? Signature)
{
    public const string Kind = "custody.answer";
}

/// <summary>
/// Custody across the border, the sending side of both halves: a hand-over signed here whose receiver another node hosts
/// goes to that node; an answer given here to a hand-over another node recorded goes back to it. Queued in the write
/// that records the step; steps recorded from a peer's message are never sent on.
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
                if (await PeerOfAsync(db, handover.ToInstitution, ct) is not { } receiver)
                    return;
                var bytes = await SignedBytes.OfAsync(db, handover, ct);
                var body = JsonSerializer.Serialize(new HandoverMessage(Convert.ToBase64String(bytes), signed.Signature), EventCatalog.Json);
                await Outbox.QueueAsync(scope, services.GetRequiredService<NodeKey>(), receiver, HandoverMessage.Kind, $"handover/{handover.Id}", body, stored.Sequence, ct);
                break;
            case HandoverConfirmed or HandoverDisputed:
                var id = e is HandoverConfirmed c ? c.HandoverId : ((HandoverDisputed)e).HandoverId;
                var answered = await db.Handovers.FirstAsync(h => h.Id == id, ct);
                if (!await db.RemoteSteps.AnyAsync(r => r.HandoverId == id, ct) || await PeerOfAsync(db, answered.FromInstitution, ct) is not { } giver)
                    return;
                var answer = e is HandoverConfirmed confirmed
                    ? new AnswerMessage(answered.LetterId, id, true, confirmed.At, confirmed.SealIntact, null, answered.ReceiverSignature)
                    : new AnswerMessage(answered.LetterId, id, false, ((HandoverDisputed)e).At, true, ((HandoverDisputed)e).Reason, null);
                await Outbox.QueueAsync(scope, services.GetRequiredService<NodeKey>(), giver, AnswerMessage.Kind, $"handover/{id}",
                    JsonSerializer.Serialize(answer, EventCatalog.Json), stored.Sequence, ct);
                break;
        }
    }

    private static async Task<string?> PeerOfAsync(ParleyDb db, Guid institution, CancellationToken ct) =>
        await db.RemoteInstitutions.AsNoTracking().Where(r => r.InstitutionId == institution).Select(r => r.Peer).FirstOrDefaultAsync(ct);
}

/// <summary>The receiving side: a peer's hand-over to an institution hosted here, and a peer's answer to a hand-over recorded here.</summary>
public static class ReceiveCustody
{
    public static async Task<Result<Guid>> HandoverAsync(WriteScope scope, string peer, HandoverMessage message, CancellationToken ct)
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
        if (giver is null || giver.Peer != peer)
            return new DomainError("canonical", $"The giver {handover.FromInstitution} is not an institution {peer} hosts.");
        if (!await db.HostedInstitutions.AnyAsync(h => h.InstitutionId == handover.ToInstitution, ct))
            return new DomainError("canonical", $"The receiver {handover.ToInstitution} is not hosted by this node.");
        if (!await db.Letters.AnyAsync(l => l.Id == handover.LetterId, ct))
            return new DomainError("canonical", $"Letter {handover.LetterId} is not in this register (its envelope has not arrived).");
        if (await db.Handovers.AnyAsync(h => h.Id == handover.HandoverId, ct))
            return new DomainError("canonical", $"Hand-over {handover.HandoverId} is already recorded.", ErrorKind.Conflict);
        var bytes = Convert.FromBase64String(message.Canonical);
        if (!Verifies(giver.SigningKey, bytes, message.Signature))
            return new DomainError("signature", $"The hand-over is not signed by the giver's key as {peer}'s log published it.");
        await scope.RecordAsync(handover, ct);
        await scope.RecordAsync(new HandoverSigned(handover.LetterId, handover.HandoverId, handover.FromInstitution, true, message.Signature), ct);
        await scope.RecordAsync(new HandoverRecordedElsewhere(handover.LetterId, handover.HandoverId, peer, entry.Sequence, message.Canonical), ct);
        return handover.HandoverId;
    }

    public static async Task<Result<Guid>> AnswerAsync(WriteScope scope, string peer, AnswerMessage answer, CancellationToken ct)
    {
        var db = scope.Db;
        var handover = await db.Handovers.FirstOrDefaultAsync(h => h.Id == answer.HandoverId && h.LetterId == answer.LetterId, ct);
        if (handover is null)
            return new DomainError("handoverId", $"Hand-over {answer.HandoverId} is not recorded here.");
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
