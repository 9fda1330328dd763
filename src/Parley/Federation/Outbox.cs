using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Federation;

/// <summary>Queues a signed message for a peer in the write that causes it, next in that peer's sequence.</summary>
public static class Outbox
{
    public static async Task<OutgoingMessage> QueueAsync(WriteScope scope, NodeKey key, string peer, string kind, string about, string body, long cause, CancellationToken ct)
    {
        var db = scope.Db;
        var last = Math.Max(
            await db.FederationOutbox.Where(m => m.Peer == peer).MaxAsync(m => (long?)m.Seq, ct) ?? 0,
            db.FederationOutbox.Local.Where(m => m.Peer == peer).Select(m => m.Seq).DefaultIfEmpty(0).Max());
        var message = new NodeMessage(Guid.CreateVersion7(), key.Origin, peer, last + 1, kind, body);
        var row = new OutgoingMessage
        {
            Id = message.Id,
            Peer = peer,
            Seq = message.Seq,
            Kind = kind,
            About = about,
            Note = message.Sign(key.Signer),
            Cause = cause,
            QueuedAt = scope.Now,
            NextAttemptAt = scope.Now,
        };
        db.FederationOutbox.Add(row);
        return row;
    }

    public static Task<bool> QueuedAsync(ParleyDb db, string peer, string kind, string about, CancellationToken ct) =>
        db.FederationOutbox.Local.Any(m => m.Peer == peer && m.Kind == kind && m.About == about)
            ? Task.FromResult(true)
            : db.FederationOutbox.AnyAsync(m => m.Peer == peer && m.Kind == kind && m.About == about, ct);
}
