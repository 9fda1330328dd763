using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Parley.Record;

/// <summary>
/// The one write path. A write runs in a transaction that serializes writers (an advisory lock on
/// PostgreSQL, BEGIN IMMEDIATE on SQLite), so sequence numbers are gap-free and ordered; events and the
/// projections they imply are saved together or not at all.
/// </summary>
public sealed class Recorder(ParleyDb db, TimeProvider clock, IEnumerable<IRecordReaction> reactions)
{
    private const long WriterLockKey = 0x7061726c6579;

    public ParleyDb Db => db;

    public async Task<Result<T>> WriteAsync<T>(
        string actor, Func<WriteScope, CancellationToken, Task<Result<T>>> work, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db is PostgresParleyDb)
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriterLockKey})", ct);
        var size = await LedgerNodes.SizeAsync(db, ct);
        var scope = new WriteScope(db, clock, actor, await LedgerNodes.EdgeAsync(db, size, ct), await LogFormats.OfAsync(db, ct), reactions);
        Result<T> result;
        try
        {
            result = await work(scope, ct);
        }
        catch (DomainException failure)
        {
            result = failure.Error;
        }
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return result;
        }
        await scope.FlushAsync(ct);
        await transaction.CommitAsync(ct);
        scope.Committed();
        return result;
    }
}

/// <summary>
/// What a write may do: read through <see cref="Db"/> and record events. Each event's canonical bytes
/// become the next leaf of the Merkle tree, whose completed nodes are saved in the same transaction.
/// </summary>
public sealed class WriteScope(ParleyDb db, TimeProvider clock, string actor, Ledger.CompactRange tree, Ledger.LeafFormat format,
    IEnumerable<IRecordReaction> reactions)
{
    private readonly List<StoredEvent> _events = [];
    private readonly List<LedgerNode> _nodes = [];
    private readonly List<Action> _afterCommit = [];
    private readonly Dictionary<string, bool> _once = new(StringComparer.Ordinal);

    public ParleyDb Db => db;
    public string Actor => actor;
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public int Recorded { get; private set; }

    public async Task<StoredEvent> RecordAsync(IEvent e, CancellationToken ct)
    {
        var stored = new StoredEvent
        {
            Sequence = tree.Size,
            Type = EventCatalog.NameOf(e),
            RecordedAt = Truncate(clock.GetUtcNow().UtcDateTime),
            Actor = actor,
            Stream = e.Stream,
            Payload = EventCatalog.Serialize(e),
            Salt = RandomNumberGenerator.GetBytes(Ledger.CanonicalEvent.SaltSize),
        };
        _events.Add(stored);
        foreach (var (id, hash) in tree.Append(Ledger.LeafData.LeafHash(format, stored.ToCanonical().Encode())))
            _nodes.Add(new LedgerNode { Level = id.Level, Index = id.Index, Hash = hash });
        await db.Modules.ApplyAsync(db, e, stored, ct);
        foreach (var reaction in reactions)
            await reaction.ReactAsync(this, e, stored, ct);
        Recorded++;
        return stored;
    }

    /// <summary>Records the event a use case decided on and answers with the id it names, or passes the refusal on.</summary>
    public async Task<Result<Guid>> RecordAsync<TEvent>(Result<TEvent> decided, Func<TEvent, Guid> id, CancellationToken ct)
        where TEvent : IEvent
    {
        if (!decided.Succeeded)
            return decided.Error!;
        await RecordAsync(decided.Value!, ct);
        return id(decided.Value!);
    }

    /// <summary>
    /// A fact a reaction reads once per write rather than once per event (whether this node has peers at all): writes are
    /// serialized, so it cannot change under the write but by the write itself, which a reaction asking this does not do.
    /// </summary>
    public async ValueTask<bool> OnceAsync(string fact, Func<ParleyDb, CancellationToken, Task<bool>> read, CancellationToken ct)
    {
        if (!_once.TryGetValue(fact, out var known))
            _once[fact] = known = await read(db, ct);
        return known;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the write is committed, never when it is rolled back: a reaction that queued a
    /// message wakes its sender, which must not look before the message is there.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (!_afterCommit.Contains(action))
            _afterCommit.Add(action);
    }

    internal void Committed()
    {
        foreach (var action in _afterCommit)
            action();
    }

    /// <summary>Writes what is pending (still inside the transaction) and forgets tracked rows; for long imports.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await SaveAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Writes what is pending (still inside the transaction), so that queries see it, and keeps the rows tracked, so that the
    /// projection of what comes next finds them without asking again. Nothing pending, nothing asked.
    /// </summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        await LedgerRows.WriteAsync(db, _events, _nodes, ct);
        _events.Clear();
        _nodes.Clear();
        await db.SaveChangesAsync(ct);
    }

    // PostgreSQL keeps microseconds; truncating first makes both stores hold the same instant.
    private static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
}

/// <summary>
/// What a live write does beside projecting an event, in the same transaction: queue the mail it causes (an
/// invitation, a cancellation), so the message is kept exactly when the event is. Replays and rebuilds never react:
/// they project what was already recorded, and what it caused was queued when it was.
/// </summary>
public interface IRecordReaction
{
    ValueTask ReactAsync(WriteScope scope, IEvent e, StoredEvent stored, CancellationToken ct);
}
