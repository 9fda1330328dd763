using BenchmarkDotNet.Attributes;
using Parley.Directory;
using Parley.Record;

namespace Parley.Bench;

/// <summary>Durable appends: events plus their projections committed, one transaction per operation.</summary>
[MemoryDiagnoser]
public class AppendBenchmarks
{
    private BenchStore _store = null!;
    private int _counter;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [Params(1, 100, 1000)]
    public int EventsPerCommit { get; set; }

    [GlobalSetup]
    public async Task SetupAsync() => _store = await BenchStore.OpenAsync(Provider);

    [GlobalCleanup]
    public async Task CleanupAsync() => await _store.DisposeAsync();

    [Benchmark(Description = "commit N institution events")]
    public Task<int> Append() => _store.WriteAsync(async (scope, ct) =>
    {
        for (var i = 0; i < EventsPerCommit; i++)
        {
            var n = Interlocked.Increment(ref _counter);
            await scope.RecordAsync(new InstitutionRecorded(Guid.CreateVersion7(), InstitutionKind.Committee, null, null,
                [new NameEntry($"Committee {n}", "en")], [new Identifier("bench", n.ToString(System.Globalization.CultureInfo.InvariantCulture))]), ct);
        }
        return Result<int>.Ok(EventsPerCommit);
    });
}
