using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Record;

namespace Parley.Calendars;

/// <summary>
/// Reads a chamber calendar from an iCalendar file: each VEVENT is a period (all-day DTEND is exclusive, RFC 5545).
/// The file is checked line by line first, so a fault names its line; nothing is recorded unless every event reads.
/// </summary>
public static partial class CalendarImport
{
    /// <summary>The file's structure only (content lines, BEGIN/END balance), so a reader that cannot name lines runs on a sound file.</summary>
    public static DomainError? CheckStructure(string text, string file)
    {
        var lines = Unfold(text);
        if (lines.Count == 0 || !lines[0].Text.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
            return Fault(file, lines.Count == 0 ? 1 : lines[0].Line, "an iCalendar file starts with BEGIN:VCALENDAR").Error;
        var open = new Stack<string>();
        foreach (var (line, number) in lines)
        {
            if (ContentLine().Match(line) is not { Success: true } m)
                return Fault(file, number, $"“{Short(line)}” is not an iCalendar content line (NAME;PARAMS:value)").Error;
            var (name, value) = (m.Groups[1].Value.ToUpperInvariant(), m.Groups[3].Value.ToUpperInvariant());
            if (name == "BEGIN")
                open.Push(value);
            else if (name == "END" && (open.Count == 0 || open.Pop() != value))
                return Fault(file, number, $"END:{value} does not close the component opened before it").Error;
        }
        return open.Count > 0 ? Fault(file, lines[^1].Line, $"BEGIN:{open.Peek()} is never closed").Error : null;
    }

    public static Result<IReadOnlyList<PeriodInput>> Read(string text, string file)
    {
        var lines = Unfold(text);
        if (lines.Count == 0 || !lines[0].Text.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
            return Fault(file, lines.Count == 0 ? 1 : lines[0].Line, "an iCalendar file starts with BEGIN:VCALENDAR");
        var open = new Stack<string>();
        var periods = new List<PeriodInput>();
        Dictionary<string, (string Params, string Value, int Line)>? current = null;
        var eventLine = 0;
        foreach (var (line, number) in lines)
        {
            if (ContentLine().Match(line) is not { Success: true } m)
                return Fault(file, number, $"“{Short(line)}” is not an iCalendar content line (NAME;PARAMS:value)");
            var (name, parameters, value) = (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value, m.Groups[3].Value);
            if (name == "BEGIN")
            {
                open.Push(value.ToUpperInvariant());
                if (value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
                    (current, eventLine) = (new(StringComparer.OrdinalIgnoreCase), number);
                continue;
            }
            if (name == "END")
            {
                if (open.Count == 0 || open.Peek() != value.ToUpperInvariant())
                    return Fault(file, number, open.Count == 0 ? $"END:{value} without a BEGIN" : $"END:{value} closes BEGIN:{open.Peek()}");
                open.Pop();
                if (value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase) && current is not null)
                {
                    var period = Period(current, eventLine, file);
                    if (!period.Succeeded)
                        return period.Error!;
                    periods.Add(period.Value!);
                    current = null;
                }
                continue;
            }
            current?.TryAdd(name, (parameters, value, number));
        }
        if (open.Count > 0)
            return Fault(file, lines[^1].Line, $"BEGIN:{open.Peek()} is never closed");
        if (periods.Count == 0)
            return Fault(file, lines[^1].Line, "the calendar has no VEVENT; each session, sitting day or recess is one VEVENT");
        return Result<IReadOnlyList<PeriodInput>>.Ok(periods);
    }

    private static Result<PeriodInput> Period(Dictionary<string, (string Params, string Value, int Line)> e, int line, string file)
    {
        if (!e.TryGetValue("DTSTART", out var start))
            return Fault<PeriodInput>(file, line, "this VEVENT has no DTSTART");
        if (Day(start.Value) is not { } first)
            return Fault<PeriodInput>(file, start.Line, $"DTSTART “{start.Value}” is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)");
        var last = first;
        if (e.TryGetValue("DTEND", out var end))
        {
            if (Day(end.Value) is not { } endDay)
                return Fault<PeriodInput>(file, end.Line, $"DTEND “{end.Value}” is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)");
            // An all-day event's DTEND is the day after its last day.
            last = end.Value.Length == 8 ? endDay.AddDays(-1) : endDay;
            if (last < first)
                return Fault<PeriodInput>(file, end.Line, $"DTEND {end.Value} is before DTSTART {start.Value}");
        }
        var summary = e.TryGetValue("SUMMARY", out var s) ? Unescape(s.Value) : "";
        if (summary.Length == 0)
            return Fault<PeriodInput>(file, line, "this VEVENT has no SUMMARY to name the period");
        var hint = e.TryGetValue("X-PARLEY-KIND", out var k) ? k.Value : e.TryGetValue("CATEGORIES", out var c) ? c.Value : summary;
        if ((KindOf(hint) ?? KindOf(summary)) is not { } kind)
            return Fault<PeriodInput>(file, line, $"cannot tell whether “{summary}” is a session, a sitting day or a recess; add CATEGORIES:SESSION, SITTING or RECESS");
        return Result<PeriodInput>.Ok(new PeriodInput(kind, summary, first, last));
    }

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

    private static Result<IReadOnlyList<PeriodInput>> Fault(string file, int line, string why) => Fault<IReadOnlyList<PeriodInput>>(file, line, why);

    private static Result<T> Fault<T>(string file, int line, string why) => new DomainError("file", $"{file}, line {line}: {why}. Nothing was imported.");

    [GeneratedRegex(@"^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:""[^""]*""|[^;:,""]*)(?:,(?:""[^""]*""|[^;:,""]*))*)*):(.*)$")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^T\d{6}Z?$")]
    private static partial Regex TimePart();
}
