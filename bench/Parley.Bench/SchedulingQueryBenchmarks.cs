using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Parley.Calendars;
using Parley.Demo;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;

namespace Parley.Bench;

/// <summary>
/// A whole assistant query as the API runs it: load 12 people's busy times (~4,800 over a year), both chambers'
/// calendars and the proposal's window from the database, then find 5 windows and explain one day.
/// Baseline: the same query for people with no busy times.
/// </summary>
[MedianColumn]
public class SchedulingQueryBenchmarks
{
    private ServiceProvider _services = null!;
    private SchedulingRequest _busy = null!, _free = null!;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _services = await BenchStore.ServicesAsync(Provider);
        var random = new Random(11);
        var busyPeople = new List<Guid>();
        var freePeople = new List<Guid>();
        await WriteAsync(async (s, ct) =>
        {
            await PlanWriter.WriteAsync(s, DemoDirectory.Plan(), null, ct);
            await s.FlushAsync(ct);
            await DemoEngagements.LoadAsync(s, ct);
            for (var i = 0; i < 24; i++)
            {
                var id = Guid.CreateVersion7();
                await RecordPerson.HandleAsync(s, id, new PersonInput($"Member {i}", [new NameEntry($"Member {i}", "en")], []), ct);
                (i < 12 ? busyPeople : freePeople).Add(id);
            }
            await s.FlushAsync(ct);
            foreach (var person in busyPeople)
            {
                var times = Enumerable.Range(0, 400).Select(_ =>
                {
                    var start = new DateTime(2018, 1, 1, 5, 0, 0, DateTimeKind.Utc).AddDays(random.Next(365)).AddMinutes(30 * random.Next(24));
                    return new BusyInput(start, start.AddMinutes(30 * random.Next(1, 6)), null);
                }).ToList();
                await RecordBusyTimes.HandleAsync(s, person, times, ct);
            }
            return Result<int>.Ok(0);
        });
        SchedulingRequest For(List<Guid> people) => new(MeetingMode.InPerson, people, DemoDirectory.FederationCouncil, KnownInstitutions.UsSenate,
            "Europe/Moscow", "America/New_York", 90, new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31), 1, Ask: [new DateOnly(2018, 10, 17)]);
        (_busy, _free) = (For(busyPeople), For(freePeople));
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _services.DisposeAsync();

    [Benchmark(Baseline = true, Description = "assistant query, 12 people with no busy times")]
    public Task<int> Free() => QueryAsync(_free);

    [Benchmark(Description = "assistant query, 12 people, ~4,800 busy times")]
    public Task<int> Busy() => QueryAsync(_busy);

    private async Task<int> QueryAsync(SchedulingRequest request)
    {
        await using var scope = _services.CreateAsyncScope();
        var loaded = await SchedulingQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<ParleyDb>(), request, default);
        var problem = loaded.Value ?? throw new InvalidOperationException(loaded.Error!.Message);
        return Scheduler.Suggest(problem).Count + Scheduler.Explain(problem, request.Ask![0]).RuledOutBy.Count;
    }

    private async Task WriteAsync(Func<WriteScope, CancellationToken, Task<Result<int>>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Recorder>().WriteAsync("bench", work);
        if (!result.Succeeded)
            throw new InvalidOperationException(result.Error!.Message);
    }
}
