using BenchmarkDotNet.Attributes;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;

namespace Parley.Bench;

/// <summary>
/// `parley import history` on the Office of the Historian's full records (4,271 trips, 3,264 visits) into a store holding the
/// congress-legislators directory: reading the XML alone (the baseline), the first import, and a second run (nothing to record).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MedianColumn]
public class HistoryImportBenchmarks
{
    private string _history = "";
    private string _congress = "";
    private BenchStore? _store;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _history = Environment.GetEnvironmentVariable("PARLEY_HISTORY_DIR") ?? BenchStore.SharedData("history");
        _congress = Environment.GetEnvironmentVariable("PARLEY_CONGRESS_DIR") ?? BenchStore.SharedData("congress-legislators");
    }

    [IterationSetup(Target = nameof(FirstImport))]
    public void NewStore()
    {
        _store = BenchStore.OpenAsync(Provider).GetAwaiter().GetResult();
        _store.WriteAsync(async (scope, ct) => Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(scope, CongressFiles.Read(_congress, null, null), null, ct)))
            .GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(SecondRun))]
    public void NewStoreWithHistory()
    {
        NewStore();
        FirstImport().GetAwaiter().GetResult();
    }

    [IterationCleanup(Targets = [nameof(FirstImport), nameof(SecondRun)])]
    public void DropStore() => _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "read the XML (7,535 records)")]
    public int Read() => HistoryFiles.Read(_history, null).Trips.Count;

    [Benchmark(Description = "import into a store with the congress directory")]
    public Task<HistoryOutcome> FirstImport() =>
        _store!.WriteAsync(async (scope, ct) => Result<HistoryOutcome>.Ok(await ImportHistory.HandleAsync(scope, HistoryFiles.Read(_history, null), null, null, ct)));

    [Benchmark(Description = "second run of the same import (records nothing)")]
    public Task<HistoryOutcome> SecondRun() => FirstImport();
}
