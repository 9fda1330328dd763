using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using Parley.Calendars;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>One planned meeting of a task force's series: when (UTC), which side hosts, and the host's zone.</summary>
public sealed record Occurrence(int Number, DateTime StartsAt, DateTime EndsAt, Side Host, string Zone);

/// <summary>The zones the two sides host in (their countries' zones); both the series' zone when hosts do not alternate.</summary>
public sealed record HostZones(string A, string B)
{
    public string Of(Side side) => side == Side.A ? A : B;

    public static async Task<HostZones> ForAsync(ParleyDb db, TaskForce force, CancellationToken ct)
    {
        if (!force.AlternateHosts)
            return new HostZones(force.Zone, force.Zone);
        var countries = await db.Institutions.AsNoTracking().Where(i => i.Id == force.SideA || i.Id == force.SideB)
            .ToDictionaryAsync(i => i.Id, i => i.CountryCode, ct);
        return new HostZones(Zones.ForCountry(countries.GetValueOrDefault(force.SideA)), Zones.ForCountry(countries.GetValueOrDefault(force.SideB)));
    }
}

/// <summary>
/// A task force's cadence, an RFC 5545 RRULE read and expanded by Ical.Net. The rule gives the days (in the series' zone);
/// each meeting is at the first meeting's wall-clock time in its host's zone, so with alternating hosts a Washington
/// meeting is at 10:00 in Washington, not at 10:00 Moscow time.
/// </summary>
public static class Cadence
{
    /// <summary>Why the rule cannot be used, or null when it reads.</summary>
    public static string? Check(string? rule, bool alternateHosts)
    {
        if (string.IsNullOrWhiteSpace(rule))
            return "Give the cadence as an iCalendar recurrence rule, for example FREQ=WEEKLY;INTERVAL=8;BYDAY=TU (every 8 weeks on Tuesday).";
        try
        {
            var pattern = new RecurrenceRule(rule.Trim().ToUpperInvariant());
            if (pattern.Frequency is Ical.Net.FrequencyType.Secondly or Ical.Net.FrequencyType.Minutely or Ical.Net.FrequencyType.Hourly)
                return $"“{rule}” repeats more often than daily; a task force meets at most once a day.";
            // Alternating hosts split the series into one per host with twice the interval, which is exact only for one meeting per interval.
            return alternateHosts && !OnePerInterval(pattern)
                ? $"“{rule}” gives more than one meeting per interval; with alternating hosts use one day per interval (one BYDAY, BYMONTHDAY or BYMONTH value, no BYSETPOS)."
                : null;
        }
        catch (ArgumentException e)
        {
            return $"“{rule}” is not a valid recurrence rule (RFC 5545): {e.Message.Split(" (Parameter", 2)[0]}";
        }
    }

    /// <summary>The series as calendar events: one, or with alternating hosts one per host (twice the interval, each in its host's zone).</summary>
    public static IReadOnlyList<(Side Host, CalendarEvent Series)> Series(TaskForce force, HostZones zones)
    {
        var rule = new RecurrenceRule(force.Cadence);
        if (!force.AlternateHosts)
            return [(Side.A, Event(force, rule, Between(force, zones, DateTime.MinValue, DateTime.MaxValue, 1)[0], ""))];
        var first = Between(force, zones, DateTime.MinValue, DateTime.MaxValue, 2);
        return first.Select(o =>
        {
            var half = new RecurrenceRule(force.Cadence) { Interval = rule.Interval * 2 };
            if (rule.Count is { } count)
                half.Count = o.Host == Side.A ? (count + 1) / 2 : count / 2;
            return (o.Host, Event(force, half, o, o.Host == Side.A ? "-a" : "-b"));
        }).Where(s => s.Item2.RecurrenceRule!.Count is not 0).ToList();
    }

    /// <summary>The series' meetings that start in [from, to), numbered from the first; hosts alternate A, B, A… when the charter says so.</summary>
    public static IReadOnlyList<Occurrence> Between(TaskForce force, HostZones zones, DateTime fromUtc, DateTime toUtc, int limit = 500)
    {
        var list = new List<Occurrence>();
        var number = 0;
        var days = new CalendarEvent { DtStart = Local(force.FirstMeeting, force.Zone), RecurrenceRule = new RecurrenceRule(force.Cadence) };
        foreach (var o in days.GetOccurrences(days.DtStart))
        {
            number++;
            var host = force.AlternateHosts && number % 2 == 0 ? Side.B : Side.A;
            var day = DateOnly.FromDateTime(Zones.Local(o.Period.StartTime.AsUtc, force.Zone));
            var start = Zones.ToUtc(day, force.FirstTime, Zones.Find(zones.Of(host))!);
            if (start >= toUtc || list.Count >= limit)
                break;
            if (start >= fromUtc)
                list.Add(new Occurrence(number, start, start.AddMinutes(force.DurationMinutes), host, zones.Of(host)));
        }
        return list;
    }

    /// <summary>The usual gap between meetings (first two occurrences), for flagging pairs who have not met for longer.</summary>
    public static TimeSpan Interval(TaskForce force)
    {
        var first = Between(force, new HostZones(force.Zone, force.Zone), DateTime.MinValue, DateTime.MaxValue, 2);
        return first.Count == 2 ? first[1].StartsAt - first[0].StartsAt : TimeSpan.FromDays(365);
    }

    public static CalDateTime Local(DateTime wall, string zone) => new(wall.Year, wall.Month, wall.Day, wall.Hour, wall.Minute, wall.Second, zone);

    private static CalendarEvent Event(TaskForce force, RecurrenceRule rule, Occurrence first, string suffix) => new()
    {
        Uid = $"task-force-{force.Id}{suffix}@parley",
        Summary = force.Name,
        Description = force.StandingAgenda.Length > 0 ? "Standing agenda:\n" + force.StandingAgenda : force.Purpose,
        DtStart = Local(Zones.Local(first.StartsAt, first.Zone), first.Zone),
        Duration = Ical.Net.DataTypes.Duration.FromMinutes(force.DurationMinutes),
        RecurrenceRule = rule,
    };

    // A single BYDAY is one day per interval only weekly, or monthly/yearly with an ordinal ("2TU"); a bare "TU" in a month is every Tuesday.
    private static bool OnePerInterval(RecurrenceRule r) =>
        r.ByDay.Count <= 1 && r.ByMonthDay.Count <= 1 && r.ByMonth.Count <= 1 && r.ByYearDay.Count == 0 && r.ByWeekNo.Count == 0 && r.BySetPosition.Count == 0
        && (r.ByDay.Count == 0 || r.Frequency == Ical.Net.FrequencyType.Weekly
            || (r.Frequency is Ical.Net.FrequencyType.Monthly or Ical.Net.FrequencyType.Yearly && r.ByDay[0].Offset is not null));
}
