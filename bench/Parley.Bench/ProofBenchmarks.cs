using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Bench;

/// <summary>
/// Proofs read from a stored tree (the app's own read path: one parameterized query, then folding), over a
/// SQLite file made by `synthetic-tree` and named by $PARLEY_PROOF_TREE; its leaf count by $PARLEY_PROOF_LEAVES.
/// </summary>
public class ProofBenchmarks
{
    private ParleyDb _db = null!;
    private long _size;
    private readonly Random _random = new(7);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var file = Environment.GetEnvironmentVariable("PARLEY_PROOF_TREE") ?? throw new InvalidOperationException("Set PARLEY_PROOF_TREE.");
        _size = long.Parse(Environment.GetEnvironmentVariable("PARLEY_PROOF_LEAVES")!, System.Globalization.CultureInfo.InvariantCulture);
        _db = new SqliteParleyDb(SqliteParleyDb.Options(file, ParleyModules.All));
        await _db.Database.OpenConnectionAsync();
        // Measure only proofs that verify: one of each kind is checked against the stored root first.
        var root = await LedgerNodes.RootAsync(_db, _size, default);
        var (leaf, inclusion) = await LedgerNodes.InclusionAsync(_db, _size / 3, _size, default);
        Proofs.VerifyInclusion(_size / 3, _size, leaf, inclusion, root);
        var consistency = await LedgerNodes.ResolveAsync(_db, TreeMath.ConsistencyPath(_size / 2, _size), default);
        Proofs.VerifyConsistency(_size / 2, _size, consistency, await LedgerNodes.RootAsync(_db, _size / 2, default), root);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _db.DisposeAsync();

    [Benchmark(Description = "inclusion proof (random leaf, full size)")]
    public async Task<int> Inclusion()
    {
        var index = _random.NextInt64(_size);
        var (_, proof) = await LedgerNodes.InclusionAsync(_db, index, _size, default);
        return proof.Count;
    }

    [Benchmark(Description = "consistency proof (random old size to full size)")]
    public async Task<int> Consistency()
    {
        var from = _random.NextInt64(1, _size);
        return (await LedgerNodes.ResolveAsync(_db, TreeMath.ConsistencyPath(from, _size), default)).Count;
    }
}
