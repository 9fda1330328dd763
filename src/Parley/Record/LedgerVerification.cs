using System.Threading.Channels;
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

    private const int Batch = 8192;

    /// <summary>
    /// With <paramref name="sinceLast"/>, only what was appended after the tree the last full verify proved: the
    /// stored edge of that tree must still give its root, the new leaves and nodes are recomputed, the checkpoints
    /// from there on are checked (the first against that root), and the projection replay is left to a full run.
    /// </summary>
    public static async Task<Report> RunAsync(ParleyDb db, NoteVerifier logKey, IProgress<string>? progress, CancellationToken ct, bool sinceLast = false)
    {
        var last = sinceLast ? await db.VerifiedTrees.AsNoTracking().SingleOrDefaultAsync(ct) : null;
        var log = await CheckLogAsync(db, logKey, progress, ct, last);
        if (log.Divergence is not null)
            return log;
        var tree = (last?.Size ?? 0) + log.Events;
        if (last is not null)
        {
            await RememberAsync(db, tree, ct);
            return log;
        }
        progress?.Report($"tree, leaves and checkpoints hold ({log.TreeTime.TotalSeconds:N1} s); checking the projections against a replay of the events");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var replay = await Rebuild.RunAsync(db, null, ct, commit: false);
        if (replay.Divergence is null)
            await RememberAsync(db, tree, ct);
        return log with { Divergence = replay.Divergence is { } d ? $"projections: {d}" : null, ProjectionTime = watch.Elapsed };
    }

    /// <summary>
    /// The tree, leaf and checkpoint phase alone, from the tree <paramref name="last"/> (if given) on; the report counts
    /// the events it checked. `verify --since-last` is this; the verify benchmark times it against sha256sum.
    /// </summary>
    public static async Task<Report> CheckLogAsync(ParleyDb db, NoteVerifier logKey, IProgress<string>? progress, CancellationToken ct, VerifiedTree? last = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var from = CompactRange.Empty();
        if (last is not null)
        {
            from = await LedgerNodes.EdgeAsync(db, last.Size, ct);
            if (!from.Root().AsSpan().SequenceEqual(last.Root))
                return new Report(0, 0, $"ledger_nodes: the tree of size {last.Size} that verify last proved no longer gives its root; run a full verify.");
        }
        // The range grows as leaves are appended; where it started is what was already proved.
        var proved = from.Size;
        var checkpoints = await db.Checkpoints.AsNoTracking().Where(c => c.Size >= proved).OrderBy(c => c.Size).ToListAsync(ct);
        var witnesses = (await db.Witnesses.AsNoTracking().ToListAsync(ct)).Select(w => NoteVerifier.Parse(w.VerifierKey)).ToList();
        var cosignatures = await db.Cosignatures.AsNoTracking().Where(c => c.Size >= proved).ToListAsync(ct);
        var total = await db.Events.LongCountAsync(ct);
        var (tree, divergence) = await CheckTreeAsync(db, from, total, await LogFormats.OfAsync(db, ct), progress, ct);
        if (divergence is not null)
            return new Report(tree - proved, checkpoints.Count, divergence);
        var nodeCount = await db.LedgerNodes.LongCountAsync(ct);
        var expected = Enumerable.Range(0, 63).Sum(level => tree >> level);
        if (nodeCount != expected)
            return new Report(tree - proved, checkpoints.Count, $"ledger_nodes holds {nodeCount} rows; a tree of {tree} leaves has {expected} (rows were inserted or deleted).");
        var start = last is null ? null : new StoredCheckpoint { Size = last.Size, Root = last.Root, Note = "" };
        if (await CheckCheckpointsAsync(db, checkpoints, cosignatures, logKey, witnesses, tree, ct, start) is { } bad)
            return new Report(tree - proved, checkpoints.Count, bad);
        return new Report(tree - proved, checkpoints.Count, null, watch.Elapsed);
    }

    /// <summary>Keeps the tree just proved, for the next `verify --since-last`.</summary>
    private static async Task RememberAsync(ParleyDb db, long size, CancellationToken ct)
    {
        var root = size == 0 ? MerkleHash.Empty() : await LedgerNodes.RootAsync(db, size, ct);
        var row = await db.VerifiedTrees.SingleOrDefaultAsync(ct);
        if (row is null)
            db.VerifiedTrees.Add(new VerifiedTree { Id = 1, Size = size, Root = root, VerifiedAt = DateTime.UtcNow });
        else
            (row.Size, row.Root, row.VerifiedAt) = (size, root, DateTime.UtcNow);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Recomputes every leaf and node from <paramref name="tree"/>'s size on and compares each with its stored row. Three
    /// streams overlap on the machine's cores: one connection reads events (as leaf inputs), another the stored nodes
    /// the same leaves complete, and each batch is hashed in parallel. Batches are aligned subtrees of
    /// <see cref="Batch"/> leaves, so all their nodes but the few above them are hashed level by level, in parallel too.
    /// </summary>
    private static async Task<(long Size, string? Divergence)> CheckTreeAsync(
        ParleyDb db, CompactRange tree, long total, LeafFormat format, IProgress<string>? progress, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await db.Database.OpenConnectionAsync(ct);
        var nodeConnection = db.Database.GetDbConnection();
        await using var eventConnection = LedgerScan.Another(nodeConnection);
        await eventConnection.OpenAsync(ct);
        await LedgerScan.PrepareAsync(nodeConnection, ct);
        await LedgerScan.PrepareAsync(eventConnection, ct);
        var from = tree.Size;
        var events = Channel.CreateBounded<LedgerScan.EventBatch>(2);
        var windows = Channel.CreateBounded<LedgerScan.NodeWindow>(2);
        var readEvents = Task.Run(async () =>
        {
            await foreach (var batch in LedgerScan.EventsAsync(eventConnection, from, total, Batch, stop.Token))
                await events.Writer.WriteAsync(batch, stop.Token);
        }, stop.Token).ContinueWith(t => events.Writer.Complete(t.Exception?.InnerException), TaskScheduler.Default);
        // The batches end at multiples of Batch; if no event is missing, each one's nodes can be read ahead of it.
        var readNodes = Task.Run(async () =>
        {
            for (var start = from; start < total; start = LedgerScan.BatchEnd(start, total, Batch))
                await windows.Writer.WriteAsync(await LedgerScan.NodesAsync(nodeConnection, start, LedgerScan.BatchEnd(start, total, Batch), stop.Token), stop.Token);
        }, stop.Token).ContinueWith(t => windows.Writer.Complete(t.Exception?.InnerException), TaskScheduler.Default);
        try
        {
            await foreach (var batch in events.Reader.ReadAllAsync(ct))
            {
                var first = tree.Size;
                if (batch.Sequence(0) != first)
                    return (first, $"events: event {first} is missing (the next stored event is {batch.Sequence(0)}).");
                var nodes = await windows.Reader.ReadAsync(ct);
                var leaves = new byte[batch.Count * MerkleHash.Size];
                await InParallelAsync(batch.Count, i => LeafData.LeafHashOfPrefixed(format, batch.LeafInput(i), Hash(leaves, i)), ct);
                var whole = batch.Count == Batch && first % Batch == 0 && batch.Sequence(Batch - 1) == first + Batch - 1;
                var divergence = whole
                    ? await CheckSubtreeAsync(tree, leaves, nodes, batch, ct)
                    : CheckLeaves(tree, leaves, nodes, batch);
                if (divergence is not null)
                    return (tree.Size, divergence);
                if ((tree.Size - from) % (20 * Batch) < Batch || tree.Size == total)
                    progress?.Report($"checked {tree.Size:N0} of {total:N0} events");
            }
            return tree.Size < total
                ? (tree.Size, $"events: event {tree.Size} is missing (the store counts {total:N0} events).")
                : (tree.Size, null);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(readEvents, readNodes);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A whole aligned batch: each level of its subtree from the one below in parallel, then the edge above it.</summary>
    private static async Task<string?> CheckSubtreeAsync(CompactRange tree, byte[] leaves, LedgerScan.NodeWindow nodes, LedgerScan.EventBatch batch, CancellationToken ct)
    {
        var first = tree.Size;
        var (level, children) = (0, leaves);
        while (true)
        {
            if (Mismatch(nodes, level, first >> level, children, batch) is { } bad)
                return bad;
            if (children.Length == MerkleHash.Size)
                break;
            var parents = new byte[children.Length / 2];
            var below = children;
            await InParallelAsync(parents.Length / MerkleHash.Size, i => MerkleHash.NodeInto(Hash(below, 2 * i), Hash(below, (2 * i) + 1), Hash(parents, i)), ct);
            (level, children) = (level + 1, parents);
        }
        // The subtree's own root was compared above; what it completes on the tree's right edge is compared here.
        foreach (var (id, hash) in tree.Append(children, level).Skip(1))
        {
            if (Differs(nodes, id, hash, batch, 0) is { } bad)
                return bad;
        }
        return null;
    }

    /// <summary>A batch that is not a whole aligned subtree (the first after `--since-last`'s edge, the last): leaf by leaf.</summary>
    private static string? CheckLeaves(CompactRange tree, byte[] leaves, LedgerScan.NodeWindow nodes, LedgerScan.EventBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch.Sequence(i) != tree.Size)
                return $"events: event {tree.Size} is missing (the next stored event is {batch.Sequence(i)}).";
            foreach (var (id, hash) in tree.Append(Hash(leaves, i).ToArray()))
            {
                if (Differs(nodes, id, hash, batch, i) is { } bad)
                    return bad;
            }
        }
        return null;
    }

    /// <summary>The first stored node of one level of a subtree that is missing or differs from the hash computed for it.</summary>
    private static string? Mismatch(LedgerScan.NodeWindow nodes, int level, long firstIndex, byte[] computed, LedgerScan.EventBatch batch)
    {
        for (var i = 0; i < computed.Length / MerkleHash.Size; i++)
        {
            if (Differs(nodes, new NodeId(level, firstIndex + i), Hash(computed, i), batch, i) is { } bad)
                return bad;
        }
        return null;
    }

    /// <summary>How a stored node fails the one computed for it, if it does; a leaf (level 0) is the batch's event <paramref name="leaf"/>.</summary>
    private static string? Differs(LedgerScan.NodeWindow nodes, NodeId id, ReadOnlySpan<byte> computed, LedgerScan.EventBatch batch, int leaf) =>
        !nodes.TryGet(id, out var stored) ? $"ledger_nodes: node (level {id.Level}, index {id.Index}) is missing."
        : stored.SequenceEqual(computed) ? null
        : id.Level == 0 ? $"events: event {batch.Sequence(leaf)} ({batch.Describe(leaf)}) does not match its leaf: the event or the leaf was altered."
        : $"ledger_nodes: node (level {id.Level}, index {id.Index}) does not match the hash of its children.";

    private static Span<byte> Hash(byte[] hashes, int i) => hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size);

    /// <summary>
    /// Runs <paramref name="work"/> for 0…count−1 in one contiguous part per core, awaited: Parallel.For would block a pool
    /// thread the two readers' continuations need, and on two cores that starved them.
    /// </summary>
    private static Task InParallelAsync(int count, Action<int> work, CancellationToken ct)
    {
        var parts = count < 256 ? 1 : Environment.ProcessorCount;
        return Task.WhenAll(Enumerable.Range(0, parts).Select(part => Task.Run(() =>
        {
            for (var i = part * count / parts; i < (part + 1) * count / parts; i++)
                work(i);
        }, ct)));
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
            // The stored nodes were all just proved equal to the ones the events give, so the root they fold to is the events'.
            if (c.Size > 0 && !(await LedgerNodes.RootAsync(db, c.Size, ct)).AsSpan().SequenceEqual(c.Root))
                return $"{where} has a root the events do not give.";
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
