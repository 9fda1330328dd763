using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Bench;

/// <summary>
/// The ledger's own share of a write: N events hashed into the tree, their rows and the completed nodes
/// written and committed. No projection work, so this is the append path the issue's targets speak of.
/// </summary>
public class LedgerAppendBenchmarks
{
    private BenchStore _store = null!;
    private long _next;
    private StoredEvent[] _template = [];

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [Params(1, 1000)]
    public int EventsPerCommit { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BenchStore.OpenAsync(Provider);
        _template = Enumerable.Range(0, EventsPerCommit).Select(i => new StoredEvent
        {
            Type = "directory.institution-recorded",
            Actor = "bench",
            Stream = $"institution/{Guid.CreateVersion7()}",
            Payload = $"{{\"id\":\"{Guid.CreateVersion7()}\",\"kind\":\"committee\",\"names\":[{{\"value\":\"Committee {i}\",\"lang\":\"en\",\"kind\":\"official\"}}]}}",
            Salt = RandomNumberGenerator.GetBytes(32),
            RecordedAt = DateTime.UtcNow,
        }).ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _store.DisposeAsync();

    [Benchmark(Description = "append N events with leaves and nodes, commit")]
    public Task Append() => _store.InScopeAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var tree = await LedgerNodes.EdgeAsync(db, _next, default);
        var nodes = new List<LedgerNode>();
        foreach (var e in _template)
        {
            e.Sequence = _next++;
            foreach (var (id, hash) in tree.Append(MerkleHash.Leaf(e.ToCanonical().Encode())))
                nodes.Add(new LedgerNode { Level = id.Level, Index = id.Index, Hash = hash });
        }
        await LedgerRows.WriteAsync(db, _template, nodes, default);
        await transaction.CommitAsync();
    });
}
