using NodaTime;

using Parley.Calendars;

namespace Parley.Engagements;

public enum MeetingMode
{
    /// <summary>Visitors travel: the host chamber sits, the visitors' chamber is in recess on the day and the travel days.</summary>
    InPerson,

    /// <summary>Nobody travels: both chambers sit, and the hour is within working hours in both zones.</summary>
    Video,
}

public readonly record struct Busy(DateTime Start, DateTime End);

/// <summary>Everything the assistant weighs, already loaded: a pure input, so a query needs no database.</summary>
public sealed record SchedulingProblem(
    MeetingMode Mode, DateTimeZone HostZone, DateTimeZone VisitorZone, Chamber? Host, Chamber? Visitors,
    IReadOnlyDictionary<Guid, string> People, IReadOnlyDictionary<Guid, Busy[]> BusyTimes, int DurationMinutes,
    DateOnly From, DateOnly Deadline, int TravelDays, TimeOnly WorkStart, TimeOnly WorkEnd,
    IReadOnlyList<WindowConstraint> Window, IReadOnlyDictionary<Guid, ChamberDays> Calendars, IReadOnlyDictionary<Guid, string> Names);

public sealed record Chamber(string Name, ChamberDays Days);

/// <summary>A window: when, in both zones, why it fits, and what to weigh (an hour at night for one side).</summary>
public sealed record Suggestion(DateTime StartsAt, DateTime EndsAt, string HostLocal, string VisitorLocal, IReadOnlyList<string> Why,
    IReadOnlyList<string>? Warnings = null);

public sealed record DayVerdict(DateOnly Day, Suggestion? Window, IReadOnlyList<string> RuledOutBy);

/// <summary>The scheduling assistant: lists the best windows for a meeting and says why a day is ruled out.</summary>
public static class Scheduler
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Up to <paramref name="count"/> windows spread over the days that work: the first such day, then days evenly
    /// across the rest of the period (five consecutive days offer one choice, not five).
    /// </summary>
    public static IReadOnlyList<Suggestion> Suggest(SchedulingProblem p, int count = 5, Web.Say? say = null)
    {
        say ??= Web.Says.English;
        var possible = new List<(DateOnly Day, DateTime Start)>();
        for (var day = p.From; day <= p.Deadline; day = day.AddDays(1))
        {
            if (DayFaults(p, day).Count == 0 && BestStart(p, day) is { } start)
                possible.Add((day, start));
        }
        // Only the windows offered are put in words.
        var length = TimeSpan.FromMinutes(p.DurationMinutes);
        return Spread(possible, count).Select(w => Describe(p, w.Day, w.Start, w.Start + length, say)).ToList();
    }

    /// <summary>The first item, the last, and the rest at even steps between: <paramref name="count"/> of them at most.</summary>
    public static IReadOnlyList<T> Spread<T>(IReadOnlyList<T> items, int count)
    {
        if (items.Count <= count || count < 2)
            return items.Take(Math.Max(count, 0)).ToList();
        return Enumerable.Range(0, count).Select(i => items[(int)Math.Round(i * (items.Count - 1) / (double)(count - 1))]).ToList();
    }

    /// <summary>Why a day is ruled out, or its best window; sentences in <paramref name="say"/>'s language (English by default).</summary>
    public static DayVerdict Explain(SchedulingProblem p, DateOnly day, Web.Say? say = null)
    {
        say ??= Web.Says.English;
        var faults = DayFaults(p, day, say);
        if (faults.Count > 0)
            return new DayVerdict(day, null, faults);
        return BestStart(p, day) is { } start
            ? new DayVerdict(day, Describe(p, day, start, start.AddMinutes(p.DurationMinutes), say), [])
            : new DayVerdict(day, null, [NoFreeHour(p, day, say)]);
    }

    /// <summary>Day-level rules: deadline, weekends, chambers' calendars and travel days, the proposal's target window.</summary>
    public static List<string> DayFaults(SchedulingProblem p, DateOnly day, Web.Say? say = null)
    {
        say ??= Web.Says.English;
        var faults = new List<string>();
        if (day > p.Deadline)
            faults.Add(say("{0:ddd d MMM yyyy} is after the deadline ({1:d MMM yyyy})", day, p.Deadline));
        if (day < p.From)
            faults.Add(say("{0:ddd d MMM yyyy} is before the first day asked for ({1:d MMM yyyy})", day, p.From));
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            faults.Add(say("{0:dddd d MMM yyyy} is a weekend day in {1}", day, p.HostZone.Id));
        if (p.Host is { } host && !host.Days.InSession(day))
            faults.Add(say("{0} is {1}; the host chamber should be sitting", host.Name, host.Days.Describe(day, say)));
        if (p.Visitors is { } visitors)
        {
            if (p.Mode == MeetingMode.Video && !visitors.Days.InSession(day))
                faults.Add(say("{0} is {1}; a video call is for days both chambers sit", visitors.Name, visitors.Days.Describe(day, say)));
            if (p.Mode == MeetingMode.InPerson)
            {
                for (var d = day.AddDays(-p.TravelDays); d <= day.AddDays(p.TravelDays); d = d.AddDays(1))
                {
                    if (visitors.Days.InSession(d))
                    {
                        faults.Add(d == day
                            ? say("{0} is {1} on {2:ddd d MMM}; visiting members should be in recess", visitors.Name, visitors.Days.Describe(d, say), d)
                            : say("{0} is {1} on {2:ddd d MMM}, a travel day; visiting members should be in recess", visitors.Name, visitors.Days.Describe(d, say), d));
                        break;
                    }
                }
            }
        }
        if (Engagements.Window.Violation(p.Window, day, p.Calendars, p.Names, say) is { } why)
            faults.Add(say("the proposal's target window: {0}", why));
        return faults;
    }

    /// <summary>The start nearest 10:00 in the host's zone at which everyone is free, if any.</summary>
    private static DateTime? BestStart(SchedulingProblem p, DateOnly day)
    {
        var length = TimeSpan.FromMinutes(p.DurationMinutes);
        var preferred = Zones.ToUtc(day, new TimeOnly(10, 0), p.HostZone);
        return Candidates(p, day)
            .Where(s => Everyone(p).All(person => Free(p, person, s, s + length)))
            .OrderBy(s => Math.Abs((s - preferred).Ticks))
            .Select(s => (DateTime?)s)
            .FirstOrDefault();
    }

    /// <summary>The working hours as a reason gives them: "09:00" and "18:00".</summary>
    private static (string From, string To) WorkingHours(SchedulingProblem p) =>
        (p.WorkStart.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), p.WorkEnd.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Starts every half hour that fit in working hours: the host's, and for a video call the visitors' too.</summary>
    private static IEnumerable<DateTime> Candidates(SchedulingProblem p, DateOnly day)
    {
        var length = TimeSpan.FromMinutes(p.DurationMinutes);
        var (open, close) = Hours(p, day, p.HostZone);
        for (var s = open; s + length <= close; s += Step)
        {
            if (p.Mode == MeetingMode.InPerson || VisitorHoursCover(p, s, s + length))
                yield return s;
        }
    }

    private static bool VisitorHoursCover(SchedulingProblem p, DateTime start, DateTime end)
    {
        var local = DateOnly.FromDateTime(Zones.Local(start, p.VisitorZone));
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            return false;
        var (open, close) = Hours(p, local, p.VisitorZone);
        return start >= open && end <= close;
    }

    private static (DateTime Open, DateTime Close) Hours(SchedulingProblem p, DateOnly day, DateTimeZone zone) =>
        (Zones.ToUtc(day, p.WorkStart, zone), Zones.ToUtc(day, p.WorkEnd, zone));

    private static IEnumerable<Guid> Everyone(SchedulingProblem p) => p.People.Keys;

    /// <summary>Busy times are sorted and merged, so only the last one starting before the end can overlap.</summary>
    public static bool Free(SchedulingProblem p, Guid person, DateTime start, DateTime end)
    {
        if (!p.BusyTimes.TryGetValue(person, out var busy) || busy.Length == 0)
            return true;
        int lo = 0, hi = busy.Length - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (busy[mid].Start < end)
                (last, lo) = (mid, mid + 1);
            else
                hi = mid - 1;
        }
        return last < 0 || busy[last].End <= start;
    }

    private static Suggestion Describe(SchedulingProblem p, DateOnly day, DateTime start, DateTime end, Web.Say say)
    {
        var why = new List<string>();
        if (p.Host is { } host)
            why.Add(say("{0} is {1}", host.Name, host.Days.Describe(day, say)));
        if (p.Visitors is { } visitors)
        {
            why.Add(p.Mode == MeetingMode.Video ? say("{0} is {1}", visitors.Name, visitors.Days.Describe(day, say))
                : p.TravelDays == 1 ? say("{0} is not sitting from {1:d MMM} to {2:d MMM} (meeting day and 1 travel day each way)", visitors.Name, day.AddDays(-1), day.AddDays(1))
                : say("{0} is not sitting from {1:d MMM} to {2:d MMM} (meeting day and {3} travel days each way)", visitors.Name, day.AddDays(-p.TravelDays), day.AddDays(p.TravelDays), p.TravelDays));
        }
        why.AddRange(p.Window.Select(w => say("meets the target window: {0}", Engagements.Window.Describe(w, p.Names, say))));
        why.Add(say("all {0} participants are free", p.People.Count));
        var (from, to) = WorkingHours(p);
        why.Add(p.Mode == MeetingMode.Video
            ? say("inside working hours ({0}–{1}) in both {2} and {3}", from, to, p.HostZone.Id, p.VisitorZone.Id)
            : say("inside the host's working hours ({0}–{1} {2})", from, to, p.HostZone.Id));
        return new Suggestion(start, end, Zones.Label(start, p.HostZone.Id), Zones.Label(start, p.VisitorZone.Id), why, Night(p, start, end, say));
    }

    /// <summary>Night, for a side at home: a start or end between 22:00 and 07:00 in the visitors' zone (the host's hours are working hours already).</summary>
    private static IReadOnlyList<string> Night(SchedulingProblem p, DateTime start, DateTime end, Web.Say say)
    {
        var (from, to) = (Zones.Local(start, p.VisitorZone), Zones.Local(end, p.VisitorZone));
        var (night, morning) = (new TimeSpan(22, 0, 0), new TimeSpan(7, 0, 0));
        if (from.TimeOfDay >= morning && from.TimeOfDay < night && to.TimeOfDay > morning && to.TimeOfDay <= night && to.Date == from.Date)
            return [];
        var when = Zones.Label(start, p.VisitorZone.Id);
        return [p.Mode == MeetingMode.InPerson
            ? say("At night at home for the visiting side ({0}): fine for those who travel, not for colleagues following from {1}.", when, p.VisitorZone.Id)
            : say("At night for the visiting side ({0}).", when)];
    }

    private static string NoFreeHour(SchedulingProblem p, DateOnly day, Web.Say say)
    {
        var candidates = Candidates(p, day).ToList();
        if (candidates.Count == 0)
        {
            var (from, to) = WorkingHours(p);
            return say("no {0}-minute slot fits inside working hours ({1}–{2}) in both {3} and {4} on that day", p.DurationMinutes, from, to, p.HostZone.Id, p.VisitorZone.Id);
        }
        var length = TimeSpan.FromMinutes(p.DurationMinutes);
        var blockers = Everyone(p).Where(person => candidates.Any(s => !Free(p, person, s, s + length)))
            .Select(person => p.People[person]).Order(StringComparer.Ordinal).ToList();
        return say("every {0}-minute slot in working hours clashes with someone's busy time ({1})", p.DurationMinutes, string.Join(", ", blockers));
    }
}
