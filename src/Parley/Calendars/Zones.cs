using NodaTime;
using NodaTime.Text;

namespace Parley.Calendars;

/// <summary>Local times and zones from the tz database (NodaTime); instants are kept in UTC.</summary>
public static class Zones
{
    public static DateTimeZone? Find(string? id) => id is { Length: > 0 } ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim()) : null;

    /// <summary>A local wall time in a zone as UTC. A time skipped by a DST change moves forward; a repeated one takes the earlier.</summary>
    public static DateTime ToUtc(DateTime local, DateTimeZone zone) =>
        LocalDateTime.FromDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)).InZoneLeniently(zone).ToDateTimeUtc();

    public static DateTime ToUtc(DateOnly day, TimeOnly time, DateTimeZone zone) => ToUtc(day.ToDateTime(time), zone);

    public static DateTime Local(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).ToDateTimeUnspecified();

    public static DateTime Local(DateTime utc, string zoneId) => Local(utc, Find(zoneId) ?? DateTimeZone.Utc);

    /// <summary>"10:00 MSK (UTC+3)": the zone's abbreviation and offset at that instant.</summary>
    public static string Label(DateTime utc, string zoneId)
    {
        var zone = Find(zoneId) ?? DateTimeZone.Utc;
        var zoned = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone);
        var interval = zone.GetZoneInterval(zoned.ToInstant());
        var offset = OffsetPattern.CreateWithInvariantCulture("+H:mm").Format(interval.WallOffset).Replace(":00", "", StringComparison.Ordinal);
        return $"{zoned.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} {interval.Name} (UTC{offset})";
    }

    /// <summary>The usual zone of a country's capital, for a user's own view; UTC where unknown.</summary>
    public static string ForCountry(string? code) => code switch
    {
        "US" => "America/New_York",
        "RU" => "Europe/Moscow",
        "GB" => "Europe/London",
        "FI" => "Europe/Helsinki",
        "DE" => "Europe/Berlin",
        "FR" => "Europe/Paris",
        _ => "Etc/UTC",
    };
}
