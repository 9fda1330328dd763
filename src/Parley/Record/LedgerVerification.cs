using Microsoft.EntityFrameworkCore;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>
/// `parley verify`: recomputes the tree from the stored events and checks every leaf and interior node,
/// every checkpoint (root, log signature, witness cosignatures, consistency with the one before), and that
/// the projections equal a replay of the events. Stops at the first divergence and names it.
/// </summary>
public static class LedgerVerification
{
    public sealed record Report(long Events, int Checkpoints, string? Divergence, TimeSpan TreeTime = default, TimeSpan ProjectionTime = default);

    private const int Batch = 5000;

    /// <summary>
    /// With <paramref name="sinceLast"/>, only what was appended after the tree the last full verify proved: the
    /// stored edge of that tree must still give its root, the new leaves and nodes are recomputed, the checkpoints
    /// from there on are checked (the first against that root), and the projection replay is left to a full run.
    /// </summary>
    public static async Task<Report> RunAsync(ParleyDb db, NoteVerifier logKey, IProgress<string>? progress, CancellationToken ct, bool sinceLast = false)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var last = sinceLast ? await db.VerifiedTrees.AsNoTracking().FirstOrDefaultAsync(ct) : null;
        var from = CompactRange.Empty();
        if (last is not null)
        {
            from = await LedgerNodes.EdgeAsync(db, last.Size, ct);
            if (!from.Root().AsSpan().SequenceEqual(last.Root))
                return new Report(last.Size, 0, $"ledger_nodes: the tree of size {last.Size} that verify last proved no longer gives its root; run a full verify.");
        }
        // The range grows as leaves are appended; where it started is what was already proved.
        var proved = from.Size;
        var checkpoints = await db.Checkpoints.AsNoTracking().Where(c => c.Size >= proved).OrderBy(c => c.Size).ToListAsync(ct);
        var witnesses = (await db.Witnesses.AsNoTracking().ToListAsync(ct)).Select(w => NoteVerifier.Parse(w.VerifierKey)).ToList();
        var cosignatures = await db.Cosignatures.AsNoTracking().Where(c => c.Size >= proved).ToListAsync(ct);
        var total = await db.Events.LongCountAsync(ct);
        var (tree, divergence) = await CheckTreeAsync(db, from, checkpoints.ToDictionary(c => c.Size), total, progress, ct);
        if (divergence is not null)
            return new Report(tree - proved, checkpoints.Count, divergence);
        var nodeCount = await db.LedgerNodes.LongCountAsync(ct);
        var expected = Enumerable.Range(0, 63).Sum(level => tree >> level);
        if (nodeCount != expected)
            return new Report(tree, checkpoints.Count, $"ledger_nodes holds {nodeCount} rows; a tree of {tree} leaves has {expected} (rows were inserted or deleted).");
        var start = last is null ? null : new StoredCheckpoint { Size = last.Size, Root = last.Root, Note = "" };
        if (await CheckCheckpointsAsync(db, checkpoints, cosignatures, logKey, witnesses, tree, ct, start) is { } bad)
            return new Report(tree - proved, checkpoints.Count, bad);
        var treeTime = watch.Elapsed;
        if (sinceLast && last is not null)
        {
            await RememberAsync(db, tree, ct);
            return new Report(tree - proved, checkpoints.Count, null, treeTime);
        }
        progress?.Report($"tree, leaves and checkpoints hold ({treeTime.TotalSeconds:N1} s); checking the projections against a replay of the events");
        var replay = await Rebuild.RunAsync(db, null, ct, commit: false);
        if (replay.Divergence is null)
            await RememberAsync(db, tree, ct);
        return new Report(tree, checkpoints.Count, replay.Divergence is { } d ? $"projections: {d}" : null, treeTime, watch.Elapsed - treeTime);
    }

    /// <summary>Keeps the tree just proved, for the next `verify --since-last`.</summary>
    private static async Task RememberAsync(ParleyDb db, long size, CancellationToken ct)
    {
        var root = size == 0 ? MerkleHash.Empty() : await LedgerNodes.RootAsync(db, size, ct);
        var row = await db.VerifiedTrees.FirstOrDefaultAsync(ct);
        if (row is null)
            db.VerifiedTrees.Add(new VerifiedTree { Id = 1, Size = size, Root = root, VerifiedAt = DateTime.UtcNow });
        else
            (row.Size, row.Root, row.VerifiedAt) = (size, root, DateTime.UtcNow);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static async Task<(long Size, string? Divergence)> CheckTreeAsync(
        ParleyDb db, CompactRange tree, Dictionary<long, StoredCheckpoint> checkpoints, long total, IProgress<string>? progress, CancellationToken ct)
    {
        while (true)
        {
            var start = tree.Size;
            var events = await db.Events.AsNoTracking().Where(e => e.Sequence >= start).OrderBy(e => e.Sequence).Take(Batch).ToListAsync(ct);
            if (events.Count == 0)
                return (tree.Size, null);
            var nodes = await NodesCreatedAsync(db, start, start + events.Count, ct);
            foreach (var e in events)
            {
                if (e.Sequence != tree.Size)
                    return (tree.Size, $"events: event {tree.Size} is missing (the next stored event is {e.Sequence}).");
                foreach (var (id, hash) in tree.Append(MerkleHash.Leaf(e.ToCanonical().Encode())))
                {
                    if (!nodes.TryGetValue(id, out var stored))
                        return (tree.Size, $"ledger_nodes: node (level {id.Level}, index {id.Index}) is missing.");
                    if (!stored.AsSpan().SequenceEqual(hash))
                        return (tree.Size, id.Level == 0
                            ? $"events: event {e.Sequence} ({e.Type}, {e.Stream}) does not match its leaf: the event or the leaf was altered."
                            : $"ledger_nodes: node (level {id.Level}, index {id.Index}) does not match the hash of its children.");
                }
                if (checkpoints.TryGetValue(tree.Size, out var checkpoint) && !checkpoint.Root.AsSpan().SequenceEqual(tree.Root()))
                    return (tree.Size, $"ledger_checkpoints: the checkpoint of size {tree.Size} has a root the events do not give.");
            }
            progress?.Report($"checked {tree.Size:N0} of {total:N0} events");
        }
    }

    /// <summary>The stored nodes completed by leaves [from, to): per level, one index range, in one query.</summary>
    private static Task<Dictionary<NodeId, byte[]>> NodesCreatedAsync(ParleyDb db, long from, long to, CancellationToken ct)
    {
        var terms = new List<string>();
        var parameters = new List<(string, object)>();
        for (var level = 0; level < 63 && (to >> level) > 0; level++)
        {
            // Node i of this level is completed by leaf (i+1)·2^level − 1.
            var lo = ((from + (1L << level)) >> level) - 1;
            var hi = (to >> level) - 1;
            if (hi < lo)
                continue;
            terms.Add($"(\"Level\" = {level} AND \"Index\" BETWEEN @lo{level} AND @hi{level})");
            parameters.Add(($"@lo{level}", lo));
            parameters.Add(($"@hi{level}", hi));
        }
        return LedgerNodes.QueryAsync(db, string.Join(" OR ", terms), parameters, ct);
    }

    private static async Task<string?> CheckCheckpointsAsync(ParleyDb db, List<StoredCheckpoint> checkpoints, List<Cosignature> cosignatures,
        NoteVerifier logKey, List<NoteVerifier> witnesses, long size, CancellationToken ct, StoredCheckpoint? previous = null)
    {
        foreach (var c in checkpoints)
        {
            var where = $"ledger_checkpoints: the checkpoint of size {c.Size}";
            if (c.Size > size)
                return $"{where} is beyond the log's {size} events.";
            if (c.Size == 0 && !c.Root.AsSpan().SequenceEqual(MerkleHash.Empty()))
                return $"{where} has a root that is not the empty tree's.";
            try
            {
                var note = SignedNote.Parse(c.Note + string.Concat(cosignatures.Where(x => x.Size == c.Size).Select(x => x.Line)));
                var body = Checkpoint.Parse(note.Text);
                if (body.Size != c.Size || body.Origin != logKey.Name || !body.Root.AsSpan().SequenceEqual(c.Root))
                    return $"{where}: its signed text says origin {body.Origin}, size {body.Size}, a different root.";
                var signers = note.Verify([logKey, .. witnesses]);
                if (!signers.Contains(logKey))
                    return $"{where} is not signed by the log key {logKey.VerifierKey}.";
                if (note.Signatures.Count != 1 + cosignatures.Count(x => x.Size == c.Size) || signers.Count != note.Signatures.Count)
                    return $"{where}: a signature on it is by no configured key.";
            }
            catch (FormatException e)
            {
                return $"{where}: {e.Message}";
            }
            if (previous is { } same && same.Size == c.Size && !same.Root.AsSpan().SequenceEqual(c.Root))
                return $"{where} has another root than the tree verify last proved at that size.";
            if (previous is { Size: > 0 } p && p.Size < c.Size)
            {
                var proof = await LedgerNodes.ResolveAsync(db, TreeMath.ConsistencyPath(p.Size, c.Size), ct);
                try
                {
                    Proofs.VerifyConsistency(p.Size, c.Size, proof, p.Root, c.Root);
                }
                catch (ProofException e)
                {
                    return $"{where} is not consistent with the checkpoint of size {p.Size}: {e.Message}";
                }
            }
            previous = c;
        }
        return null;
    }
}
