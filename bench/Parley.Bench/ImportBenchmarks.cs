using BenchmarkDotNet.Attributes;
using Parley.Directory;
using Parley.Record;

namespace Parley.Bench;

/// <summary>The full current congress-legislators set imported into an empty store (read, decide, record, commit).</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ImportBenchmarks
{
    private string _folder = "";

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup() => _folder = Environment.GetEnvironmentVariable("PARLEY_CONGRESS_DIR") ?? BenchStore.SharedData("congress-legislators");

    [Benchmark(Description = "import congress-legislators into an empty store")]
    public async Task<int> Import()
    {
        await using var store = await BenchStore.OpenAsync(Provider);
        var summary = await store.WriteAsync(async (scope, ct) =>
            Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(scope, CongressFiles.Read(_folder, null, null), null, ct)));
        return summary.Recorded;
    }
}
