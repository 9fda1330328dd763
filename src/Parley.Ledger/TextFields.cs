using System.Globalization;

namespace Parley.Ledger;

/// <summary>The two field forms the C2SP texts use in their line formats: strict decimals and standard base64.</summary>
public static class TextFields
{
    /// <summary>An ASCII decimal with no sign and no leading zeroes (except "0" itself), or null.</summary>
    public static long? Decimal(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && (text == "0" || text[0] != '0')
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Standard base64 (RFC 4648 §4), or null.</summary>
    public static byte[]? Base64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
