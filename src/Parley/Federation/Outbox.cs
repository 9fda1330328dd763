using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// Wakes <see cref="FederationDelivery"/> when a write that queued a message is committed, so a message leaves at once
/// rather than at the next interval; a message queued by another process (a verb) waits for the interval.
/// </summary>
public sealed class OutboxSignal : Wakeup;

/// <summary>A wake-up a background loop waits on beside its interval; many notices before it wakes are one.</summary>
public abstract class Wakeup
{
    private readonly SemaphoreSlim _notified = new(0, 1);

    public void Notify()
    {
        if (_notified.CurrentCount == 0)
        {
            try
            {
                _notified.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another write woke it first; one wake-up is enough.
            }
        }
    }

    /// <summary>Waits until notified or <paramref name="interval"/> has passed.</summary>
    public Task WaitAsync(TimeSpan interval, CancellationToken ct) => _notified.WaitAsync(interval, ct);
}

/// <summary>Queues a signed message for a peer in the write that causes it, next in that peer's sequence.</summary>
public static class Outbox
{
    public static async Task<OutgoingMessage> QueueAsync(WriteScope scope, NodeKey key, string peer, string kind, string about, string body, long cause, CancellationToken ct,
        OutboxSignal? signal = null)
    {
        if (signal is not null)
            scope.AfterCommit(signal.Notify);
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
