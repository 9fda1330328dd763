using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Parley.Engagements;

/// <summary>One planned meeting of a task force's series: when (UTC) and which side hosts.</summary>
public sealed record Occurrence(int Number, DateTime StartsAt, DateTime EndsAt, Side Host);

/// <summary>A task force's cadence, an RFC 5545 RRULE read and expanded by Ical.Net.</summary>
public static class Cadence
{
    /// <summary>Why the rule cannot be used, or null when it reads.</summary>
    public static string? Check(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule))
            return "Give the cadence as an iCalendar recurrence rule, for example FREQ=WEEKLY;INTERVAL=8;BYDAY=TU (every 8 weeks on Tuesday).";
        try
        {
            var pattern = new RecurrenceRule(rule.Trim().ToUpperInvariant());
            return pattern.Frequency is Ical.Net.FrequencyType.Secondly or Ical.Net.FrequencyType.Minutely or Ical.Net.FrequencyType.Hourly
                ? $"“{rule}” repeats more often than daily; a task force meets at most once a day."
                : null;
        }
        catch (ArgumentException e)
        {
            return $"“{rule}” is not a valid recurrence rule (RFC 5545): {e.Message.Split(" (Parameter", 2)[0]}";
        }
    }

    public static CalendarEvent Series(TaskForce force)
    {
        var first = force.FirstMeeting;
        var series = new CalendarEvent
        {
            Uid = $"task-force-{force.Id}@parley",
            Summary = force.Name,
            Description = force.StandingAgenda.Length > 0 ? "Standing agenda:\n" + force.StandingAgenda : force.Purpose,
            DtStart = new CalDateTime(first.Year, first.Month, first.Day, first.Hour, first.Minute, 0, force.Zone),
            Duration = Ical.Net.DataTypes.Duration.FromMinutes(force.DurationMinutes),
        };
        series.RecurrenceRule = new RecurrenceRule(force.Cadence);
        return series;
    }

    /// <summary>The series' meetings that start in [from, to), numbered from the first; hosts alternate A, B, A… when the charter says so.</summary>
    public static IReadOnlyList<Occurrence> Between(TaskForce force, DateTime fromUtc, DateTime toUtc, int limit = 500)
    {
        var list = new List<Occurrence>();
        var number = 0;
        foreach (var o in Series(force).GetOccurrences(new CalDateTime(force.FirstMeeting.Year, force.FirstMeeting.Month, force.FirstMeeting.Day, 0, 0, 0, force.Zone)))
        {
            var start = o.Period.StartTime.AsUtc;
            if (start >= toUtc || list.Count >= limit)
                break;
            number++;
            if (start >= fromUtc)
                list.Add(new Occurrence(number, start, start.AddMinutes(force.DurationMinutes), force.AlternateHosts && number % 2 == 0 ? Side.B : Side.A));
        }
        return list;
    }

    /// <summary>
    /// Where hosts alternate, a meeting keeps the series' day and wall-clock time in the host's own zone
    /// (10:00 in Moscow, then 10:00 in Washington), not the first host's hour carried across the ocean.
    /// </summary>
    public static DateTime HostStart(TaskForce force, Occurrence occurrence) =>
        DateOnly.FromDateTime(Zones.Local(occurrence.StartsAt, force.Zone)).ToDateTime(force.FirstTime);

    /// <summary>The usual gap between meetings (first two occurrences), for flagging pairs who have not met for longer.</summary>
    public static TimeSpan Interval(TaskForce force)
    {
        var first = Between(force, DateTime.MinValue, DateTime.MaxValue, 2);
        return first.Count == 2 ? first[1].StartsAt - first[0].StartsAt : TimeSpan.FromDays(365);
    }
}
