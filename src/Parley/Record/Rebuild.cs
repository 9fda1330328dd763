using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Parley.Record;

/// <summary>
/// Rebuilds every projection from the events and compares the result with what was there; a divergence is reported,
/// never silently "repaired".
/// </summary>
public static class Rebuild
{
    /// <summary>What a replay found; <paramref name="Repaired"/> names a full-text index that was recreated.</summary>
    public sealed record Outcome(long Events, string? Divergence, string? Repaired = null);

    /// <summary>
    /// Replays the events into empty copies of the projections and compares them in the database (<see cref="CheckAsync"/>),
    /// so no table is held in memory. When they hold the same values the projections stay as they are, unless only the way an
    /// earlier release wrote a value differs: then, and only with <paramref name="commit"/>, they are replaced by the replay.
    /// A divergence is reported and changes nothing.
    /// </summary>
    public static async Task<Outcome> RunAsync(ParleyDb db, IProgress<long>? progress, CancellationToken ct, bool commit = true)
    {
        var (outcome, rewrite) = await CheckAsync(db, progress, ct);
        if (rewrite && commit)
            await ReprojectAsync(db, ct);
        // The full-text indexes are indexes of a projection, not records: one that no longer matches its documents is
        // recreated from them (and said so), as REINDEX would.
        if (commit && outcome.Divergence is { } d && d.StartsWith("search_", StringComparison.Ordinal))
        {
            await SearchIndex.RecreateAsync(db, ct);
            return outcome with { Divergence = await SearchIndex.CheckAsync(db, ct), Repaired = d };
        }
        return outcome;
    }

    /// <summary>
    /// Whether the projections equal a replay of the events, without touching them: the replay writes into empty copies
    /// (<see cref="ProjectionShadow"/>) and the two are compared row for row in the database. Only when they differ are both
    /// read back as entities, to name the first row that differs as <see cref="Compare"/> does (a difference only in how an
    /// earlier release wrote a value, not in the value, is no divergence, but is worth rewriting).
    /// </summary>
    private static async Task<(Outcome Outcome, bool Rewrite)> CheckAsync(ParleyDb db, IProgress<long>? progress, CancellationToken ct)
    {
        string? divergence = null;
        var rewrite = false;
        long count;
        await using (var shadow = await ProjectionShadow.BeginAsync(db, ct))
        {
            count = await ReplayAsync(db, progress, ct);
            if (await shadow.FirstDifferenceAsync(ct) is not null)
            {
                var replayed = await SnapshotAsync(db, ct);
                await shadow.RemoveAsync(ct);
                divergence = Compare(await SnapshotAsync(db, ct), replayed);
                rewrite = divergence is null;
            }
        }
        db.ChangeTracker.Clear();
        divergence ??= await SearchIndex.CheckAsync(db, ct);
        return (new Outcome(count, divergence), rewrite);
    }

    /// <summary>Replaces every projection with a replay of the events, after a migration added derived columns.</summary>
    public static async Task ReprojectAsync(ParleyDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db is PostgresParleyDb)
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE events IN EXCLUSIVE MODE", ct);
        await db.Modules.ClearAsync(db, ct);
        await ReplayAsync(db, null, ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Projects every event into the projection tables, which are empty when it starts.</summary>
    public static async Task<long> ReplayAsync(ParleyDb db, IProgress<long>? progress, CancellationToken ct)
    {
        const int batch = 2000;
        long last = -1, count = 0;
        var writes = new ReplayWrites(db);
        using var replayed = db.Replayed = new ReplayedRows(db);
        try
        {
            while (true)
            {
                var events = await db.Events.AsNoTracking().Where(e => e.Sequence > last)
                    .OrderBy(e => e.Sequence).Take(batch).ToListAsync(ct);
                if (events.Count == 0)
                    break;
                foreach (var stored in events)
                    await db.Modules.ApplyAsync(db, EventCatalog.Deserialize(stored.Type, stored.Payload), stored, ct);
                await writes.SaveAsync(ct);
                last = events[^1].Sequence;
                count += events.Count;
                progress?.Report(count);
            }
            return count;
        }
        finally
        {
            db.Replayed = null;
        }
    }

    /// <summary>Each projection table as ordered JSON rows, keyed by table name.</summary>
    public static async Task<Dictionary<string, List<string>>> SnapshotAsync(ParleyDb db, CancellationToken ct)
    {
        var result = new Dictionary<string, List<string>>();
        foreach (var table in db.Modules.Tables)
        {
            var rows = await table.Rows(db).AsNoTracking().ToListAsync(ct);
            if (table.Canonicalize is { } canonicalize)
                rows.ForEach(canonicalize);
            var name = db.Model.FindEntityType(table.Entity)?.GetTableName() ?? table.Entity.Name;
            result[name] = rows.Select(r => JsonSerializer.Serialize(r, r.GetType(), EventCatalog.Json)).ToList();
        }
        return result;
    }

    public static string? Compare(Dictionary<string, List<string>> stored, Dictionary<string, List<string>> replayed)
    {
        foreach (var (table, rows) in stored)
        {
            var other = replayed[table];
            for (var i = 0; i < Math.Max(rows.Count, other.Count); i++)
            {
                var a = i < rows.Count ? rows[i] : null;
                var b = i < other.Count ? other[i] : null;
                if (a != b)
                    return $"table {table}, row {i + 1}: stored {a ?? "(missing)"} but the events give {b ?? "(missing)"}";
            }
        }
        return null;
    }
}
