using System.Globalization;

namespace Parley.Correspondence;

/// <summary>
/// Registration numbers: a yearly sequence per registering institution in a configurable format
/// ($PARLEY_LETTER_NUMBER_FORMAT). Tokens: {year}, {n}, {n:000} (zero-padded), {registry} (initials).
/// </summary>
public static class Numbering
{
    public const string DefaultFormat = "{year}/{n}";
    public const string Variable = "PARLEY_LETTER_NUMBER_FORMAT";

    public static string Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } f ? f : DefaultFormat;

    /// <summary>A number as it names one letter where registries share numbers: "2018/1 (Executive Office of the President)".</summary>
    public static string WithRegistry(string number, string registry) => $"{number} ({registry})";

    public static string Format(string format, int year, int sequence, string registryName)
    {
        var initials = string.Concat(registryName.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsUpper(w[0])).Select(w => w[0]));
        var text = format.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{registry}", initials.Length > 0 ? initials : "REG", StringComparison.Ordinal);
        var start = text.IndexOf("{n", StringComparison.Ordinal);
        if (start < 0)
            return text + "/" + sequence.ToString(CultureInfo.InvariantCulture);
        var end = text.IndexOf('}', start);
        var pad = text[(start + 2)..end].TrimStart(':');
        return text[..start] + sequence.ToString(pad.Length > 0 ? pad : "0", CultureInfo.InvariantCulture) + text[(end + 1)..];
    }
}
