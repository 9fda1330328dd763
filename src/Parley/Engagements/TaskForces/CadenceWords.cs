using System.Globalization;
using Ical.Net;
using Ical.Net.DataTypes;

namespace Parley.Engagements;

/// <summary>
/// A cadence said in words ("every 8 weeks on Tuesday, 10:00 Europe/Moscow, 90 minutes, hosts alternating …"), from
/// the parts of the RRULE Parley accepts; a rule with parts it cannot say (BYSETPOS, BYWEEKNO…) is shown as the rule.
/// Each phrase is said through a Say (the page's localizer), and day and month names come from the culture.
/// </summary>
public static class CadenceWords
{
    public static string Describe(TaskForce force, string sideA, string sideB, Web.Say say, CultureInfo culture)
    {
        var rule = new RecurrenceRule(force.Cadence);
        var parts = new List<string>();
        if (Repeats(rule, say, culture) is not { } repeats)
            return $"RRULE:{force.Cadence}";
        parts.Add(repeats);
        parts.Add(say("{0} {1}, {2} minutes", force.FirstTime.ToString("HH:mm", CultureInfo.InvariantCulture), force.Zone, force.DurationMinutes));
        parts.Add(say("from {0}", force.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (rule.Count is { } count)
            parts.Add(say("{0} meetings in all", count));
        if (rule.Until is { } until)
            parts.Add(say("until {0}", until.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (force.AlternateHosts)
            parts.Add(say("hosts alternating: {0}, then {1}", sideA, sideB));
        return string.Join(", ", parts);
    }

    private static string? Repeats(RecurrenceRule rule, Web.Say say, CultureInfo culture)
    {
        if (rule.BySetPosition.Count > 0 || rule.ByWeekNo.Count > 0 || rule.ByYearDay.Count > 0 || rule.ByHour.Count > 0 || rule.ByMinute.Count > 0)
            return null;
        var n = rule.Interval;
        var every = rule.Frequency switch
        {
            FrequencyType.Daily => n == 1 ? say("every day") : say("every {0} days", n),
            FrequencyType.Weekly => n == 1 ? say("every week") : say("every {0} weeks", n),
            FrequencyType.Monthly => n == 1 ? say("every month") : say("every {0} months", n),
            FrequencyType.Yearly => n == 1 ? say("every year") : say("every {0} years", n),
            _ => null,
        };
        if (every is null)
            return null;
        var names = culture.DateTimeFormat;
        if (rule.ByDay.Any(d => d.Offset is { } o && Ordinal(o) is null))
            return null;
        if (rule.ByDay.Count > 0)
        {
            var days = rule.ByDay.Select(d => d.Offset is { } offset ? say(Ordinal(offset)!, names.GetDayName(d.DayOfWeek)) : names.GetDayName(d.DayOfWeek));
            every += ", " + say("each {0}", string.Join(", ", days));
        }
        if (rule.ByMonthDay.Count > 0)
            every += " " + say("on day {0} of the month", string.Join(", ", rule.ByMonthDay));
        if (rule.ByMonth.Count > 0)
            every += " " + say("in {0}", string.Join(", ", rule.ByMonth.Select(m => names.GetMonthName(m))));
        return every;
    }

    private static string? Ordinal(int offset) => offset switch
    {
        1 => "the first {0}",
        2 => "the second {0}",
        3 => "the third {0}",
        4 => "the fourth {0}",
        -1 => "the last {0}",
        _ => null,
    };
}
