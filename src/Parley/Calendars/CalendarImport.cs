using System.Globalization;
using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Parley.Record;

namespace Parley.Calendars;

/// <summary>
/// Reads a chamber calendar from an iCalendar file: each VEVENT is a period (all-day DTEND is exclusive, RFC 5545), or
/// with an RRULE one period per occurrence. The file is read line by line, so a fault (a date, a zone, a rule) names
/// its line; nothing is recorded unless every event reads.
/// </summary>
public static partial class CalendarImport
{
    /// <summary>A period read from a file, with the UID its VEVENT carries (a repeated event's occurrences get the date after it).</summary>
    public sealed record ImportedPeriod(string Uid, PeriodInput Period);

    /// <summary>The most periods one recurring VEVENT may give.</summary>
    public const int MaxOccurrences = 1000;

    public static Result<IReadOnlyList<ImportedPeriod>> Read(string text, string file)
    {
        var events = Events(text, file);
        if (!events.Succeeded)
            return events.Error!;
        var periods = new List<ImportedPeriod>();
        foreach (var e in events.Value!.Events)
        {
            var period = Periods(e, events.Value.Zones, file);
            if (!period.Succeeded)
                return period.Error!;
            periods.AddRange(period.Value!);
        }
        if (periods.Count == 0)
            return Fault<IReadOnlyList<ImportedPeriod>>(file, events.Value.LastLine, "the calendar has no VEVENT; each session, sitting day or recess is one VEVENT");
        if (events.Value.Events.GroupBy(e => e.Properties["UID"].Value.Trim(), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Fault<IReadOnlyList<ImportedPeriod>>(file, twice.Last().Line, $"UID “{twice.Key}” is given to two events; each event has its own, by which a later import updates it");
        return Result<IReadOnlyList<ImportedPeriod>>.Ok(periods);
    }

    /// <summary>
    /// Every VEVENT's dates, zones and recurrence rule, checked with their lines: for a reader (Ical.Net's, for busy
    /// times) that names no line and would otherwise pass its own wording through.
    /// </summary>
    public static DomainError? CheckEvents(string text, string file)
    {
        var events = Events(text, file);
        if (!events.Succeeded)
            return events.Error;
        foreach (var e in events.Value!.Events)
        {
            if (Dates(e, events.Value.Zones, file) is { Succeeded: false } dates)
                return dates.Error;
            if (e.Properties.TryGetValue("RRULE", out var rule) && Rule(rule, file) is { Succeeded: false } bad)
                return bad.Error;
        }
        return null;
    }

    private sealed record VEvent(int Line, Dictionary<string, (string Params, string Value, int Line)> Properties);

    private sealed record Parsed(IReadOnlyList<VEvent> Events, IReadOnlySet<string> Zones, int LastLine);

    /// <summary>The file's VEVENTs (their properties with parameters and lines) and the TZIDs its VTIMEZONEs define.</summary>
    private static Result<Parsed> Events(string text, string file)
    {
        var lines = Unfold(text);
        if (lines.Count == 0 || !lines[0].Text.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
            return Fault<Parsed>(file, lines.Count == 0 ? 1 : lines[0].Line, "an iCalendar file starts with BEGIN:VCALENDAR");
        var open = new Stack<string>();
        var events = new List<VEvent>();
        var zones = new HashSet<string>(StringComparer.Ordinal);
        VEvent? current = null;
        foreach (var (line, number) in lines)
        {
            if (ContentLine().Match(line) is not { Success: true } m)
                return Fault<Parsed>(file, number, $"“{Short(line)}” is not an iCalendar content line (NAME;PARAMS:value)");
            var (name, parameters, value) = (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value, m.Groups[3].Value);
            if (name == "BEGIN")
            {
                open.Push(value.ToUpperInvariant());
                if (value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
                    current = new VEvent(number, new(StringComparer.OrdinalIgnoreCase));
                continue;
            }
            if (name == "END")
            {
                if (open.Count == 0 || open.Peek() != value.ToUpperInvariant())
                    return Fault<Parsed>(file, number, open.Count == 0 ? $"END:{value} without a BEGIN" : $"END:{value} closes BEGIN:{open.Peek()}");
                if (open.Pop() == "VEVENT" && current is not null)
                {
                    events.Add(current);
                    current = null;
                }
                continue;
            }
            if (name == "TZID" && open.TryPeek(out var inside) && inside == "VTIMEZONE")
                zones.Add(value.Trim());
            // Inside a VEVENT, only its own properties (not those of an alarm within it).
            if (current is not null && open.Peek() == "VEVENT")
                current.Properties.TryAdd(name, (parameters, value, number));
        }
        if (open.Count > 0)
            return Fault<Parsed>(file, lines[^1].Line, $"BEGIN:{open.Peek()} is never closed");
        return Result<Parsed>.Ok(new Parsed(events, zones, lines[^1].Line));
    }

    private static Result<IReadOnlyList<ImportedPeriod>> Periods(VEvent e, IReadOnlySet<string> zones, string file)
    {
        var dates = Dates(e, zones, file);
        if (!dates.Succeeded)
            return dates.Error!;
        var (first, last) = dates.Value;
        if (!e.Properties.TryGetValue("UID", out var uid) || uid.Value.Trim().Length == 0)
            return Fault<IReadOnlyList<ImportedPeriod>>(file, e.Line, "this VEVENT has no UID, by which a later import of the calendar updates it");
        var summary = e.Properties.TryGetValue("SUMMARY", out var s) ? Unescape(s.Value) : "";
        if (summary.Length == 0)
            return Fault<IReadOnlyList<ImportedPeriod>>(file, e.Line, "this VEVENT has no SUMMARY to name the period");
        var hint = e.Properties.TryGetValue("X-PARLEY-KIND", out var k) ? k.Value : e.Properties.TryGetValue("CATEGORIES", out var c) ? c.Value : summary;
        if ((KindOf(hint) ?? KindOf(summary)) is not { } kind)
            return Fault<IReadOnlyList<ImportedPeriod>>(file, e.Line, $"cannot tell whether “{summary}” is a session, a sitting day or a recess; add CATEGORIES:SESSION, SITTING or RECESS");
        if (e.Properties.TryGetValue("RECURRENCE-ID", out var changed))
            return Fault<IReadOnlyList<ImportedPeriod>>(file, changed.Line, "a changed occurrence of a repeated period (RECURRENCE-ID) is not read; give the changed days as an event of their own");
        var id = uid.Value.Trim();
        if (!e.Properties.TryGetValue("RRULE", out var rrule))
            return Result<IReadOnlyList<ImportedPeriod>>.Ok([new ImportedPeriod(id, new PeriodInput(kind, summary, first, last))]);
        var rule = Rule(rrule, file);
        if (!rule.Succeeded)
            return rule.Error!;
        // A repeated period (a sitting day every Tuesday): each occurrence a period of the same length, keyed by its day.
        var series = new CalendarEvent { DtStart = new CalDateTime(first), DtEnd = new CalDateTime(last.AddDays(1)), RecurrenceRule = rule.Value };
        var days = series.GetOccurrences(new CalDateTime(first)).Take(MaxOccurrences + 1).Select(o => DateOnly.FromDateTime(o.Period.StartTime.Value)).ToList();
        if (days.Count > MaxOccurrences)
            return Fault<IReadOnlyList<ImportedPeriod>>(file, rrule.Line, $"the RRULE gives more than {MaxOccurrences:N0} periods; give a COUNT or UNTIL that ends it sooner");
        var length = last.DayNumber - first.DayNumber;
        return Result<IReadOnlyList<ImportedPeriod>>.Ok(days.Select(d => new ImportedPeriod($"{id}/{d:yyyyMMdd}", new PeriodInput(kind, summary, d, d.AddDays(length)))).ToList());
    }

    /// <summary>A VEVENT's first and last day, its dates and zones checked.</summary>
    private static Result<(DateOnly First, DateOnly Last)> Dates(VEvent e, IReadOnlySet<string> zones, string file)
    {
        if (!e.Properties.TryGetValue("DTSTART", out var start))
            return Fault<(DateOnly, DateOnly)>(file, e.Line, "this VEVENT has no DTSTART");
        if (Day(start.Value) is not { } first)
            return Fault<(DateOnly, DateOnly)>(file, start.Line, $"DTSTART “{start.Value}” is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)");
        if (UnknownZone(start.Params, zones) is { } zone)
            return Fault<(DateOnly, DateOnly)>(file, start.Line, ZoneWhy(zone));
        var last = first;
        if (e.Properties.TryGetValue("DTEND", out var end))
        {
            if (Day(end.Value) is not { } endDay)
                return Fault<(DateOnly, DateOnly)>(file, end.Line, $"DTEND “{end.Value}” is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)");
            if (UnknownZone(end.Params, zones) is { } endZone)
                return Fault<(DateOnly, DateOnly)>(file, end.Line, ZoneWhy(endZone));
            // An all-day event's DTEND is the day after its last day.
            last = end.Value.Length == 8 ? endDay.AddDays(-1) : endDay;
            // Date-times in the same zone (or both UTC) compare as text: YYYYMMDDTHHMMSS.
            var sameZone = TzId().Match(start.Params).Value == TzId().Match(end.Params).Value && start.Value.EndsWith('Z') == end.Value.EndsWith('Z');
            if (last < first || (sameZone && start.Value.Length > 8 && end.Value.Length > 8 && string.CompareOrdinal(end.Value, start.Value) < 0))
                return Fault<(DateOnly, DateOnly)>(file, end.Line, $"DTEND {end.Value} is before DTSTART {start.Value}");
        }
        return Result<(DateOnly, DateOnly)>.Ok((first, last));
    }

    /// <summary>An RRULE as RFC 5545 §3.3.10 reads it, with what is wrong named on its line.</summary>
    private static Result<RecurrenceRule> Rule((string Params, string Value, int Line) rrule, string file)
    {
        var parts = rrule.Value.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
        if (parts.FirstOrDefault(p => p[0].Equals("FREQ", StringComparison.OrdinalIgnoreCase)) is not { Length: 2 } freq || !Frequencies.Contains(freq[1].ToUpperInvariant()))
            return Fault<RecurrenceRule>(file, rrule.Line, $"RRULE “{Short(rrule.Value)}” needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (or SECONDLY, MINUTELY, HOURLY)");
        if (parts.FirstOrDefault(p => p.Length != 2 || !RuleParts.Contains(p[0].ToUpperInvariant())) is { } unknown)
            return Fault<RecurrenceRule>(file, rrule.Line, $"RRULE part “{string.Join('=', unknown)}” is not one RFC 5545 defines");
        try
        {
            return Result<RecurrenceRule>.Ok(new RecurrenceRule(rrule.Value.Trim().ToUpperInvariant()));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return Fault<RecurrenceRule>(file, rrule.Line, $"RRULE “{Short(rrule.Value)}” is not a recurrence rule (for example FREQ=WEEKLY;BYDAY=TU;COUNT=10)");
        }
    }

    private static readonly HashSet<string> Frequencies = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];

    private static readonly HashSet<string> RuleParts = ["FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"];

    /// <summary>The TZID a property names that is neither in the tz database nor defined by a VTIMEZONE in the file.</summary>
    private static string? UnknownZone(string parameters, IReadOnlySet<string> zones) =>
        TzId().Match(parameters) is { Success: true } m && m.Groups[1].Value.Trim('"') is var zone && Zones.Find(zone) is null && !zones.Contains(zone) ? zone : null;

    private static string ZoneWhy(string zone) =>
        $"TZID “{zone}” is not a time zone of the tz database (such as Europe/Moscow or America/New_York), and the file has no VTIMEZONE for it";

    public static PeriodKind? KindOf(string text)
    {
        var t = text.ToLowerInvariant();
        return t.Contains("recess") || t.Contains("work period") || t.Contains("break") || t.Contains("каникул") || t.Contains("перерыв") ? PeriodKind.Recess
            : t.Contains("sitting") || t.Contains("заседани") ? PeriodKind.SittingDay
            : t.Contains("session") || t.Contains("сесси") ? PeriodKind.Session
            : null;
    }

    private static DateOnly? Day(string value) =>
        DateOnly.TryParseExact(value.Length >= 8 ? value[..8] : value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && (value.Length == 8 || TimePart().IsMatch(value[8..])) ? d : null;

    /// <summary>RFC 5545 §3.1: a line starting with a space or tab continues the previous one.</summary>
    private static List<(string Text, int Line)> Unfold(string text)
    {
        var result = new List<(string Text, int Line)>();
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i].Length > 0 && (raw[i][0] == ' ' || raw[i][0] == '\t') && result.Count > 0)
                result[^1] = (result[^1].Text + raw[i][1..], result[^1].Line);
            else if (raw[i].Trim().Length > 0)
                result.Add((raw[i].TrimEnd(), i + 1));
        }
        return result;
    }

    private static string Unescape(string value) =>
        value.Replace("\\n", "\n", StringComparison.OrdinalIgnoreCase).Replace("\\,", ",", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal).Trim();

    private static string Short(string line) => line.Length > 40 ? line[..40] + "…" : line;

    private static Result<T> Fault<T>(string file, int line, string why) => new DomainError("file", $"{file}, line {line}: {why}. Nothing was imported.");

    [GeneratedRegex(@"^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:""[^""]*""|[^;:,""]*)(?:,(?:""[^""]*""|[^;:,""]*))*)*):(.*)$")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^T\d{6}Z?$")]
    private static partial Regex TimePart();

    [GeneratedRegex(@";TZID=(""[^""]*""|[^;:]*)", RegexOptions.IgnoreCase)]
    private static partial Regex TzId();
}
