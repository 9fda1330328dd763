using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>How the inbox answered a message: applied (or already applied), not yet its turn, or refused and kept.</summary>
public sealed record InboxAnswer(int Status, string Text);

/// <summary>
/// <c>POST /federation/inbox</c>: a peer's signed message. It is applied once — its id is recorded in the same write as
/// what it causes — and only in the peer's order (the next seq); one that does not read, is not for this node, is from a
/// node that is not a peer, or does not verify under the peer's published message key is refused, kept in
/// <c>federation_refused</c> for inspection, and never applied.
/// </summary>
public sealed class Inbox(ParleyDb db, Recorder recorder, LogKey log, TimeProvider clock, ILogger<Inbox> logger)
{
    public const string ActorPrefix = "node:";
    private const int KeptOfRefused = 16 * 1024;

    public static bool IsFromPeer(string actor) => actor.StartsWith(ActorPrefix, StringComparison.Ordinal);

    public async Task<InboxAnswer> ReceiveAsync(string note, CancellationToken ct)
    {
        NodeMessage message;
        SignedNote signed;
        try
        {
            signed = SignedNote.Parse(note);
            message = NodeMessage.Parse(signed.Text);
        }
        catch (FormatException e)
        {
            return await RefuseAsync(null, note, $"The message does not read: {e.Message}", 400, ct);
        }
        if (message.To != log.Origin)
            return await RefuseAsync(message.From, note, $"The message is for {message.To}, not this node ({log.Origin}).", 403, ct);
        var peer = await db.Peers.AsNoTracking().FirstOrDefaultAsync(p => p.Origin == message.From, ct);
        if (peer is null)
            return await RefuseAsync(message.From, note, $"{message.From} is not a peer of this node.", 403, ct);
        var key = NoteVerifier.Parse(peer.NodeKey);
        bool verified;
        try
        {
            verified = signed.Verify([key]).Contains(key);
        }
        catch (FormatException)
        {
            verified = false;
        }
        if (!verified)
            return await RefuseAsync(message.From, note, $"The message does not carry a valid signature of {peer.Origin}'s message key.", 403, ct);

        string? refusal = null;
        var outcome = await recorder.WriteAsync(ActorPrefix + peer.Origin, async (scope, c) =>
        {
            if (await scope.Db.ReceivedMessages.AsNoTracking().FirstOrDefaultAsync(r => r.Peer == peer.Origin && r.Id == message.Id, c) is { } seen)
                return Result<InboxAnswer>.Ok(seen.Refused ? new InboxAnswer(422, "already refused") : new InboxAnswer(200, "already applied"));
            var last = await scope.Db.ReceivedMessages.Where(r => r.Peer == peer.Origin).MaxAsync(r => (long?)r.Seq, c) ?? 0;
            if (message.Seq != last + 1)
                return new DomainError("seq", $"expected {last + 1}", ErrorKind.Conflict);
            scope.Db.ReceivedMessages.Add(new ReceivedMessage { Peer = peer.Origin, Id = message.Id, Seq = message.Seq, Kind = message.Kind, ReceivedAt = scope.Now });
            var applied = await ApplyAsync(scope, peer.Origin, message, c);
            if (!applied.Succeeded)
            {
                // What waits for another node's message is answered 409, so the sender tries it again; anything else is refused.
                refusal = applied.Error!.Field == NotYetField ? null : applied.Error.Message;
                return applied.Error!;
            }
            return Result<InboxAnswer>.Ok(new InboxAnswer(200, "applied"));
        }, ct);
        if (outcome.Succeeded)
            return outcome.Value!;
        if (refusal is null)
            return new InboxAnswer(409, outcome.Error!.Message);
        // Signed by the peer but not applicable here: refused and kept, its place in the sequence taken, and the sender goes on with the next.
        return await RefuseAsync(peer.Origin, note, $"Message {message.Id} ({message.Kind}) cannot be applied: {refusal}", 422, ct,
            new ReceivedMessage { Peer = peer.Origin, Id = message.Id, Seq = message.Seq, Kind = message.Kind, ReceivedAt = clock.GetUtcNow().UtcDateTime, Refused = true });
    }

    private const string NotYetField = "after";

    /// <summary>
    /// A message this node cannot apply yet because it depends on one from another node (a courier's hand-over before the
    /// registry's envelope): answered 409, its place in the sequence not taken, so the sender tries it again.
    /// </summary>
    public static DomainError NotYet(string why) => new(NotYetField, why, ErrorKind.Conflict);

    private static async Task<Result<Guid>> ApplyAsync(WriteScope scope, string peer, NodeMessage message, CancellationToken ct)
    {
        var body = message.Body;
        return message.Kind switch
        {
            Envelope.Kind => await ThenAsync<Envelope>(body, "envelope", e => ReceiveEnvelope.ApplyAsync(scope, peer, message.Id, e, ct)),
            HandoverMessage.Kind => await ThenAsync<HandoverMessage>(body, "hand-over", h => ReceiveCustody.HandoverAsync(scope, peer, h, ct)),
            AnswerMessage.Kind => await ThenAsync<AnswerMessage>(body, "answer", a => ReceiveCustody.AnswerAsync(scope, peer, a, ct)),
            ProposalMessage.Kind => await ThenAsync<ProposalMessage>(body, "proposal", p => ReceiveProposal.ProposalAsync(scope, peer, p, ct)),
            ProposalAnswerMessage.Kind => await ThenAsync<ProposalAnswerMessage>(body, "proposal's answer", a => ReceiveProposal.AnswerAsync(scope, peer, a, ct)),
            _ => new DomainError("kind", $"This node does not take messages of kind {message.Kind}."),
        };
    }

    /// <summary>Reads a message body as <typeparamref name="T"/> and applies it; a body that does not read is refused, naming what it should have been.</summary>
    private static async Task<Result<Guid>> ThenAsync<T>(string body, string what, Func<T, Task<Result<Guid>>> apply) where T : class =>
        Read<T>(body) is { } read ? await apply(read) : new DomainError("body", $"The {what} does not read.");

    private static T? Read<T>(string body) where T : class
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<T>(body, EventCatalog.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task<InboxAnswer> RefuseAsync(string? peer, string note, string reason, int status, CancellationToken ct, ReceivedMessage? taken = null)
    {
        db.ChangeTracker.Clear();
        if (taken is not null)
            db.ReceivedMessages.Add(taken);
        db.RefusedMessages.Add(new RefusedMessage
        {
            Id = Guid.CreateVersion7(),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Peer = peer is { Length: <= 300 } ? peer : null,
            Reason = reason.Length > 1000 ? reason[..1000] : reason,
            // Anyone may post here; what is kept of a refused message is bounded, so refusals cannot fill the disk as fast as requests arrive.
            Text = note.Length > KeptOfRefused ? note[..KeptOfRefused] + "…" : note,
        });
        await db.SaveChangesAsync(ct);
        logger.LogWarning("Refused a message from {Peer}: {Reason}", peer ?? "an unknown sender", reason);
        return new InboxAnswer(status, reason);
    }
}
