using BenchmarkDotNet.Attributes;
using Parley.Calendars;
using Parley.Engagements;

namespace Parley.Bench;

/// <summary>
/// The scheduling assistant over 12 participants, both chambers' calendars and a year of busy times (~400 each,
/// ~4,800 in all), as a loaded problem (the query's pure part). Baseline: the same query with nobody busy.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SchedulingBenchmarks
{
    private SchedulingProblem _busy = null!, _free = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var people = Enumerable.Range(1, 12).ToDictionary(i => Guid.CreateVersion7(), i => $"Member {i}");
        var busy = people.Keys.ToDictionary(p => p, p => SchedulingQueries.Merge(Enumerable.Range(0, 400).Select(_ =>
        {
            var start = new DateTime(2018, 1, 1, 5, 0, 0, DateTimeKind.Utc).AddDays(random.Next(365)).AddMinutes(30 * random.Next(24));
            return new Busy(start, start.AddMinutes(30 * random.Next(1, 6)));
        })));
        var host = new Chamber("Federation Council", new ChamberDays(
        [
            new CalendarPeriod { Id = Guid.NewGuid(), Kind = PeriodKind.Session, Name = "Spring", StartsOn = new(2018, 1, 25), EndsOn = new(2018, 7, 15) },
            new CalendarPeriod { Id = Guid.NewGuid(), Kind = PeriodKind.Session, Name = "Autumn", StartsOn = new(2018, 9, 16), EndsOn = new(2018, 12, 31) },
        ]));
        var periods = new List<CalendarPeriod> { new() { Id = Guid.NewGuid(), Kind = PeriodKind.Session, Name = "115-2", StartsOn = new(2018, 1, 3), EndsOn = new(2019, 1, 3) } };
        // State work periods: a week in every month, as the Senate's calendar roughly has.
        periods.AddRange(Enumerable.Range(1, 12).Select(m => new CalendarPeriod { Id = Guid.NewGuid(), Kind = PeriodKind.Recess, Name = $"Work period {m}", StartsOn = new(2018, m, 20), EndsOn = new(2018, m, 27) }));
        var visitors = new Chamber("United States Senate", new ChamberDays(periods));
        _busy = new SchedulingProblem(MeetingMode.InPerson, Zones.Find("Europe/Moscow")!, Zones.Find("America/New_York")!, host, visitors, people, busy, 90,
            new(2018, 1, 1), new(2018, 12, 31), 1, new(9, 0), new(18, 0), [], new Dictionary<Guid, ChamberDays>(), new Dictionary<Guid, string>());
        _free = _busy with { BusyTimes = new Dictionary<Guid, Busy[]>() };
    }

    [Benchmark(Baseline = true, Description = "5 windows in a year, nobody busy")]
    public int Free() => Scheduler.Suggest(_free).Count;

    [Benchmark(Description = "5 windows in a year, 12 people, ~4,800 busy times")]
    public int Busy() => Scheduler.Suggest(_busy).Count;

    [Benchmark(Description = "why not this day (video call, both zones)")]
    public int Explain() => Scheduler.Explain(_busy with { Mode = MeetingMode.Video }, new DateOnly(2018, 11, 6)).RuledOutBy.Count;

    [Benchmark(Description = "every day of the year explained")]
    public int Year()
    {
        var n = 0;
        for (var d = new DateOnly(2018, 1, 1); d <= new DateOnly(2018, 12, 31); d = d.AddDays(1))
            n += Scheduler.Explain(_busy, d).RuledOutBy.Count;
        return n;
    }
}

/// <summary>iCalendar out: a year of a task force's meetings (fortnightly, 12 participants each) against one meeting's file.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class FeedBenchmarks
{
    private TaskForce _force = null!;
    private List<Meeting> _meetings = null!;
    private Dictionary<Guid, string> _names = null!;

    [GlobalSetup]
    public void Setup()
    {
        _force = new TaskForce
        {
            Id = Guid.NewGuid(),
            Name = "Task force",
            Purpose = "p",
            Charter = "c",
            Cadence = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            FirstDay = new(2019, 1, 8),
            FirstTime = new(10, 0),
            Zone = "Europe/Moscow",
            DurationMinutes = 120,
            StandingAgenda = "Open actions\nDialogue",
        };
        var people = Enumerable.Range(1, 12).Select(i => (Id: Guid.NewGuid(), Name: $"Member {i}")).ToList();
        _names = people.ToDictionary(p => p.Id, p => p.Name);
        _meetings = Cadence.Between(_force, Zones, DateTime.MinValue, new DateTime(2020, 1, 1)).Select(o => new Meeting
        {
            Id = Guid.NewGuid(),
            Title = $"Meeting {o.Number}",
            Place = o.Host == Side.A ? "Washington" : "Moscow",
            Zone = o.Host == Side.A ? "America/New_York" : "Europe/Moscow",
            StartsAt = o.StartsAt,
            EndsAt = o.EndsAt,
            TaskForce = _force.Id,
            Participants = people.Select(p => new Participant { Person = p.Id, Side = Guid.Empty, Post = "Member" }).ToList(),
            Agenda = [new AgendaItem { Order = 1, Title = "Open actions", Minutes = 30 }, new AgendaItem { Order = 2, Title = "Dialogue", Minutes = 90 }],
        }).ToList();
    }

    [Benchmark(Baseline = true, Description = "one meeting's .ics")]
    public int One() => Feeds.Meeting(_meetings[0], _names, Stamp).Length;

    [Benchmark(Description = "task force feed: series + a year of meetings (26)")]
    public int Year() => Feeds.TaskForce(_force, Zones, _meetings, _names, Stamp).Length;

    private static readonly HostZones Zones = new("Europe/Moscow", "Europe/Moscow");
    private static readonly DateTime Stamp = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
}
