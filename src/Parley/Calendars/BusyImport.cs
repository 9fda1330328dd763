using Parley.Record;

namespace Parley.Calendars;

/// <summary>
/// A person's busy times from their own calendar's export (.ics): every opaque event, recurring ones expanded by Ical.Net
/// up to a horizon, in UTC. Its structure, dates, zones and rules are checked first, so a fault is named by its line.
/// </summary>
public static class BusyImport
{
    public const int MaxTimes = 20_000;

    public static Result<IReadOnlyList<BusyInput>> Read(string text, string file, DateTime horizonUtc)
    {
        if (CalendarImport.CheckEvents(text, file) is { } broken)
            return broken;
        var times = new List<BusyInput>();
        try
        {
            var calendar = Ical.Net.Calendar.Load(text) ?? throw new FormatException("no calendar in the file");
            foreach (var e in calendar.Events.Where(e => !string.Equals(e.Transparency, "TRANSPARENT", StringComparison.OrdinalIgnoreCase)))
            {
                if (e.DtStart is null)
                    return new DomainError("file", $"{file}: the event “{e.Summary}” has no readable DTSTART. Nothing was imported.");
                foreach (var o in e.GetOccurrences(e.DtStart).TakeWhile(o => o.Period.StartTime.AsUtc < horizonUtc))
                {
                    var start = o.Period.StartTime.AsUtc;
                    var end = o.Period.EffectiveEndTime?.AsUtc ?? start.AddDays(o.Period.StartTime.HasTime ? 0 : 1);
                    if (end > start)
                        times.Add(new BusyInput(DateTime.SpecifyKind(start, DateTimeKind.Utc), DateTime.SpecifyKind(end, DateTimeKind.Utc), e.Summary));
                    if (times.Count > MaxTimes)
                        return new DomainError("file", $"{file} expands to more than {MaxTimes:N0} busy times before {horizonUtc:yyyy-MM-dd}; export a shorter period.");
                }
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            // Ical.Net reads values lazily and names no line; its message says which value (an unknown TZID, an RRULE part).
            return new DomainError("file", $"{file}: {e.Message.Split(" (Parameter", 2)[0]}. Nothing was imported.");
        }
        return times.Count == 0
            ? new DomainError("file", $"{file} has no busy time (no VEVENT that blocks time). Nothing was imported.")
            : Result<IReadOnlyList<BusyInput>>.Ok(times);
    }
}
