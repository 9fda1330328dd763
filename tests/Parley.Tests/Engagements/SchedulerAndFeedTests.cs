using System.Text;
using Ical.Net.DataTypes;
using Parley.Calendars;
using Parley.Engagements;

namespace Parley.Tests.EngagementsSlice;

/// <summary>The assistant's rules and the iCalendar files, as pure functions (no database).</summary>
public sealed class SchedulerAndFeedTests
{
    private static readonly Guid Ann = Guid.NewGuid(), Boris = Guid.NewGuid();

    private static ChamberDays Sitting(params (DateOnly From, DateOnly To, PeriodKind Kind)[] periods) =>
        new(periods.Select(p => new CalendarPeriod { Id = Guid.NewGuid(), Kind = p.Kind, Name = p.Kind.ToString(), StartsOn = p.From, EndsOn = p.To }).ToList());

    private static SchedulingProblem Video(int minutes, params Busy[] annBusy) => new(
        MeetingMode.Video, Zones.Find("Europe/Moscow")!, Zones.Find("America/New_York")!,
        new Chamber("Federation Council", Sitting((new(2018, 9, 16), new(2018, 12, 31), PeriodKind.Session))),
        new Chamber("United States Senate", Sitting((new(2018, 1, 3), new(2019, 1, 3), PeriodKind.Session), (new(2018, 11, 19), new(2018, 11, 23), PeriodKind.Recess))),
        new Dictionary<Guid, string> { [Ann] = "Ann", [Boris] = "Boris" }, new Dictionary<Guid, Busy[]> { [Ann] = annBusy }, minutes,
        new(2018, 11, 1), new(2018, 11, 30), 0, new(9, 0), new(18, 0), [], new Dictionary<Guid, ChamberDays>(), new Dictionary<Guid, string>());

    [Fact]
    public void A_video_call_fits_the_shared_working_hours_until_New_York_leaves_daylight_saving()
    {
        // Moscow 09–18 and New York 09–18 overlap 16:00–18:00 Moscow under EDT, only 17:00–18:00 under EST (from 4 Nov 2018).
        var before = Scheduler.Explain(Video(90), new DateOnly(2018, 11, 2));
        Assert.Equal("2018-11-02 16:00 MSK (UTC+3)", before.Window!.HostLocal);
        Assert.Equal("2018-11-02 09:00 EDT (UTC-4)", before.Window.VisitorLocal);
        var after = Scheduler.Explain(Video(90), new DateOnly(2018, 11, 5));
        Assert.Null(after.Window);
        Assert.Contains("no 90-minute slot fits inside working hours", after.RuledOutBy.Single(), StringComparison.Ordinal);
        Assert.Equal("2018-11-05 09:00 EST (UTC-5)", Scheduler.Explain(Video(60), new DateOnly(2018, 11, 5)).Window!.VisitorLocal);
        // A recess of either chamber rules a video call out, and says whose.
        Assert.Contains(Scheduler.Explain(Video(60), new DateOnly(2018, 11, 20)).RuledOutBy, r => r.StartsWith("United States Senate is in recess", StringComparison.Ordinal));
    }

    [Fact]
    public void Busy_times_push_the_window_and_name_who_blocks_a_day()
    {
        var day = new DateOnly(2018, 11, 6);
        var allDay = new Busy(new DateTime(2018, 11, 6, 0, 0, 0, DateTimeKind.Utc), new DateTime(2018, 11, 7, 0, 0, 0, DateTimeKind.Utc));
        Assert.Contains("(Ann)", Scheduler.Explain(Video(60, allDay), day).RuledOutBy.Single(), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2018, 11, 7), DateOnly.FromDateTime(Scheduler.Suggest(Video(60, allDay) with { From = day }, 1)[0].StartsAt));
        // Merged and binary-searched: touching busy times leave no gap, a slot ending as one begins is free.
        var merged = SchedulingQueries.Merge([new(new(2018, 1, 1, 10, 0, 0), new(2018, 1, 1, 11, 0, 0)), new(new(2018, 1, 1, 11, 0, 0), new(2018, 1, 1, 12, 0, 0)), new(new(2018, 1, 1, 9, 0, 0), new(2018, 1, 1, 9, 30, 0))]);
        Assert.Equal(2, merged.Length);
        var p = Video(60) with { BusyTimes = new Dictionary<Guid, Busy[]> { [Ann] = merged } };
        Assert.True(Scheduler.Free(p, Ann, new(2018, 1, 1, 9, 30, 0), new(2018, 1, 1, 10, 0, 0)));
        Assert.False(Scheduler.Free(p, Ann, new(2018, 1, 1, 11, 30, 0), new(2018, 1, 1, 12, 30, 0)));
        Assert.True(Scheduler.Free(p, Boris, new(2018, 1, 1, 11, 30, 0), new(2018, 1, 1, 12, 30, 0)));
    }

    [Fact]
    public void A_task_force_feed_reads_back_with_its_series_zone_and_an_overridden_occurrence()
    {
        var force = new TaskForce
        {
            Id = Guid.NewGuid(),
            Name = "US–Russia task force",
            Purpose = "p",
            Charter = "c",
            Cadence = "FREQ=WEEKLY;INTERVAL=8;BYDAY=TU",
            FirstDay = new(2019, 2, 5),
            FirstTime = new(10, 0),
            Zone = "Europe/Moscow",
            DurationMinutes = 120,
            StandingAgenda = "Open actions",
        };
        var person = Guid.NewGuid();
        var held = new Meeting
        {
            Id = Guid.NewGuid(),
            Title = "Meeting 2 — a long title that will need folding because calendar lines stop at seventy-five octets",
            Place = "Moscow",
            Zone = "Europe/Moscow",
            StartsAt = new DateTime(2019, 4, 2, 7, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2019, 4, 2, 9, 0, 0, DateTimeKind.Utc),
            TaskForce = force.Id,
            Participants = [new Participant { Person = person, Side = Guid.NewGuid(), Post = "Член Совета Федерации" }],
        };
        var text = Feeds.TaskForce(force, new HostZones("Europe/Moscow", "Europe/Moscow"), [held], new Dictionary<Guid, string> { [person] = "Константин Косачёв" }, DateTime.UtcNow);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line over 75 octets: {line}"));
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Moscow");
        var series = calendar.Events.Single(e => e.RecurrenceRule is not null);
        var starts = series.GetOccurrences(new CalDateTime(2019, 1, 1, 0, 0, 0, "UTC")).Take(3).Select(o => o.Period.StartTime.AsUtc).ToList();
        Assert.Equal([new DateTime(2019, 2, 5, 7, 0, 0), new DateTime(2019, 4, 2, 7, 0, 0), new DateTime(2019, 5, 28, 7, 0, 0)], starts.Select(s => DateTime.SpecifyKind(s, DateTimeKind.Unspecified)));
        var overriding = calendar.Events.Single(e => e.RecurrenceIdentifier is not null);
        Assert.Equal(series.Uid, overriding.Uid);
        Assert.Equal(held.Title, overriding.Summary);
        Assert.Contains("Константин Косачёв (Член Совета Федерации)", overriding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void With_alternating_hosts_each_meeting_keeps_the_hour_in_its_host_capital_in_the_feed_too()
    {
        var force = new TaskForce
        {
            Id = Guid.NewGuid(),
            Name = "US–Russia task force",
            Purpose = "p",
            Charter = "c",
            Cadence = "FREQ=WEEKLY;INTERVAL=8;BYDAY=TU;COUNT=5",
            FirstDay = new(2019, 2, 5),
            FirstTime = new(10, 0),
            Zone = "Europe/Moscow",
            DurationMinutes = 120,
            AlternateHosts = true,
        };
        var zones = new HostZones("America/New_York", "Europe/Moscow");
        var planned = Cadence.Between(force, zones, DateTime.MinValue, DateTime.MaxValue);
        Assert.Equal(["2019-02-05 10:00 EST (UTC-5)", "2019-04-02 10:00 MSK (UTC+3)", "2019-05-28 10:00 EDT (UTC-4)", "2019-07-23 10:00 MSK (UTC+3)", "2019-09-17 10:00 EDT (UTC-4)"],
            planned.Select(o => Zones.Label(o.StartsAt, o.Zone)));

        // Calendar programs expand the two host series and get the same five meetings.
        var calendar = Ical.Net.Calendar.Load(Feeds.TaskForce(force, zones, [], new Dictionary<Guid, string>(), DateTime.UtcNow))!;
        var expanded = calendar.Events.SelectMany(e => e.GetOccurrences(new CalDateTime(2019, 1, 1, 0, 0, 0, "UTC")).Select(o => o.Period.StartTime.AsUtc))
            .Order().Select(t => DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToList();
        Assert.Equal(planned.Select(o => o.StartsAt), expanded);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/New_York");
        Assert.Equal("“FREQ=WEEKLY;BYDAY=TU,TH” gives more than one meeting per interval; with alternating hosts use one day per interval (one BYDAY, BYMONTHDAY or BYMONTH value, no BYSETPOS).",
            Cadence.Check("FREQ=WEEKLY;BYDAY=TU,TH", alternateHosts: true));
        Assert.Null(Cadence.Check("FREQ=WEEKLY;BYDAY=TU,TH", alternateHosts: false));
        Assert.NotNull(Cadence.Check("FREQ=MONTHLY;BYDAY=TU", alternateHosts: true));
        Assert.Null(Cadence.Check("FREQ=MONTHLY;BYDAY=2TU", alternateHosts: true));
    }
}
