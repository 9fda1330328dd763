using System.Globalization;
using System.Text;

namespace Parley.Record;

/// <summary>
/// An instant as Microsoft.Data.Sqlite stores a DateTime ("yyyy-MM-dd HH:mm:ss" and up to seven fraction digits, the
/// UTC the write path gives it), read straight from its UTF-8: verify reads one per event.
/// </summary>
internal static class SqliteInstant
{
    /// <summary>Microseconds since the epoch, or null when the text is not a date (the event then fails its leaf).</summary>
    public static long? Microseconds(ReadOnlySpan<byte> text)
    {
        if (text.Length >= 19 && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' && text[16] == ':'
            && Digits(text[..4], out var year) && Digits(text[5..7], out var month) && Digits(text[8..10], out var day)
            && Digits(text[11..13], out var hour) && Digits(text[14..16], out var minute) && Digits(text[17..19], out var second)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month) && hour < 24 && minute < 60 && second < 60
            && Fraction(text[19..], out var ticks))
        {
            var instant = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
            return StoredEvent.ToMicroseconds(instant);
        }
        // Anything else (another writer's format) the way Microsoft.Data.Sqlite itself reads it.
        return DateTime.TryParse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? StoredEvent.ToMicroseconds(parsed)
            : null;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
                return false;
            value = (10 * value) + (c - '0');
        }
        return true;
    }

    /// <summary>"" or "." and 1–7 digits, as ticks.</summary>
    private static bool Fraction(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.IsEmpty)
            return true;
        if (text[0] != '.' || text.Length is < 2 or > 8 || !Digits(text[1..], out var digits))
            return false;
        ticks = digits;
        for (var i = text.Length - 1; i < 7; i++)
            ticks *= 10;
        return true;
    }
}
