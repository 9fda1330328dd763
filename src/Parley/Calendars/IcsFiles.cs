using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Parley.Calendars;

/// <summary>iCalendar out (RFC 5545 via Ical.Net): the calendar wrapper every Parley feed shares, and a chamber's calendar.</summary>
public static class IcsFiles
{
    public const string MediaType = "text/calendar; charset=utf-8";

    public static string Chamber(string name, IEnumerable<CalendarPeriod> periods) =>
        Write(Calendar([], $"{name}: sessions and recesses"), periods.Select(p =>
        {
            var e = new CalendarEvent
            {
                Uid = $"period-{p.Id}@parley",
                Summary = p.Name,
                DtStart = new CalDateTime(p.StartsOn),
                DtEnd = new CalDateTime(p.EndsOn.AddDays(1)),
                DtStamp = new CalDateTime(p.StartsOn.ToDateTime(TimeOnly.MinValue), false),
                Transparency = "TRANSPARENT",
            };
            e.Categories.Add(p.Kind switch { PeriodKind.Session => "SESSION", PeriodKind.SittingDay => "SITTING", PeriodKind.Recess => "RECESS" });
            return e;
        }));

    public static Calendar Calendar(IEnumerable<string> zones, string name)
    {
        // PUBLISH: a feed to display, not an invitation to answer (what Outlook and Google expect of a subscription).
        var calendar = new Calendar { ProductId = "-//Parley//Parley engagements//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var zone in zones.Distinct(StringComparer.Ordinal))
            calendar.AddTimeZone(zone);
        return calendar;
    }

    public static string Write(Calendar calendar, IEnumerable<CalendarEvent> events)
    {
        foreach (var e in events)
            calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static IResult File(string text, string name) => Results.File(System.Text.Encoding.UTF8.GetBytes(text), MediaType, name);
}
