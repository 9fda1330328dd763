using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Parley.Calendars;

/// <summary>iCalendar out (RFC 5545 via Ical.Net): the calendar wrapper every Parley feed shares, and a chamber's calendar.</summary>
public static class IcsFiles
{
    public const string MediaType = "text/calendar; charset=utf-8";

    /// <summary>How often a subscribed client should fetch a feed again (RFC 7986 REFRESH-INTERVAL, and Outlook's X-PUBLISHED-TTL).</summary>
    public const string Refresh = "PT1H";

    public static string Chamber(string name, IEnumerable<CalendarPeriod> periods, DateTime stamp) =>
        Write(Calendar($"{name}: sessions and recesses"), periods.Select(p =>
        {
            var e = new CalendarEvent
            {
                Uid = $"period-{p.Id}@parley",
                Summary = p.Name,
                DtStart = new CalDateTime(p.StartsOn),
                DtEnd = new CalDateTime(p.EndsOn.AddDays(1)),
                Transparency = "TRANSPARENT",
                Sequence = p.Revision,
                LastModified = Utc(p.RevisedAt),
            };
            e.Categories.Add(p.Kind switch { PeriodKind.Session => "SESSION", PeriodKind.SittingDay => "SITTING", PeriodKind.Recess => "RECESS" });
            return e;
        }), stamp);

    public static Calendar Calendar(string name)
    {
        // PUBLISH: a feed to display, not an invitation to answer (what Outlook and Google expect of a subscription).
        var calendar = new Calendar { ProductId = "-//Parley//Parley engagements//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var refresh = new CalendarProperty("REFRESH-INTERVAL", Refresh);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.Properties.Add(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", Refresh);
        return calendar;
    }

    /// <summary>
    /// The calendar with its events, each stamped with the time the file was made (RFC 5545 §3.8.7.2, for a calendar
    /// with a METHOD), and a VTIMEZONE for every zone an event names that covers every instant it is used at: from the
    /// earliest, with the zone's history. (A VTIMEZONE of only the zone's latest rules puts a meeting of 2019 in New
    /// York at 10:00Z in a client that reads the file's own zones, five hours off.)
    /// </summary>
    public static string Write(Calendar calendar, IEnumerable<CalendarEvent> events, DateTime stamp)
    {
        var earliest = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            e.DtStamp = Utc(stamp);
            calendar.Events.Add(e);
            foreach (var time in new[] { e.DtStart, e.DtEnd, e.RecurrenceIdentifier?.StartTime })
            {
                if (time is { TzId: { } zone, Value: var local } && zone != "UTC")
                    earliest[zone] = earliest.TryGetValue(zone, out var known) && known <= local ? known : local;
            }
        }
        foreach (var (zone, from) in earliest.OrderBy(z => z.Key, StringComparer.Ordinal))
            calendar.AddTimeZone(OneTransitionPerComponent(VTimeZone.FromDateTimeZone(zone, from.AddDays(-1), includeHistoricalData: true)));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// Each transition of a zone's history as a STANDARD or DAYLIGHT component of its own. Ical.Net lists a rule's dates
    /// on one RDATE line, as RFC 5545 allows, but ical.js (Thunderbird's parser) reads only the first date of a line:
    /// Moscow's changes of 2009 and 2010 were lost, and a meeting of March 2010 in Moscow moved by an hour.
    /// </summary>
    private static VTimeZone OneTransitionPerComponent(VTimeZone zone)
    {
        foreach (var info in zone.TimeZoneInfos.ToList())
        {
            var lines = info.Properties.Where(p => p.Name == "RDATE").ToList();
            var starts = lines.SelectMany(p => p.Value as IEnumerable<Period> ?? []).Select(p => p.StartTime).Where(t => t.Value != info.DtStart?.Value).ToList();
            foreach (var line in lines)
                info.Properties.Remove(line);
            foreach (var start in starts)
                zone.TimeZoneInfos.Add(new VTimeZoneInfo(info.Name) { TimeZoneName = info.TimeZoneName, OffsetFrom = info.OffsetFrom, OffsetTo = info.OffsetTo, DtStart = start });
        }
        return zone;
    }

    /// <summary>A UTC date-time to the second, as DTSTAMP and LAST-MODIFIED must be.</summary>
    public static CalDateTime Utc(DateTime utc) =>
        new(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, "UTC");

    public static IResult File(string text, string name) => Results.File(System.Text.Encoding.UTF8.GetBytes(text), MediaType, name);
}
