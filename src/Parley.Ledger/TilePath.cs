using System.Globalization;

namespace Parley.Ledger;

/// <summary>
/// A C2SP tlog-tiles resource path, <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>:
/// the level (null for an entry bundle), the tile's index (zero-padded 3-digit elements, all but the last
/// prefixed with <c>x</c>: 1234067 is <c>x001/x234/067</c>) and the width of a partial tile (null for a full one).
/// </summary>
public sealed record TilePath(int? Level, long Index, int? Width)
{
    public const int Width256 = 256;

    public override string ToString()
    {
        var digits = Index.ToString(CultureInfo.InvariantCulture);
        digits = digits.PadLeft((digits.Length + 2) / 3 * 3, '0');
        var elements = Enumerable.Range(0, digits.Length / 3).Select(i => digits.Substring(i * 3, 3)).ToList();
        var n = string.Join('/', elements.Select((e, i) => i < elements.Count - 1 ? "x" + e : e));
        return $"tile/{(Level is { } l ? l.ToString(CultureInfo.InvariantCulture) : "entries")}/{n}{(Width is { } w ? $".p/{w}" : "")}";
    }

    /// <summary>Reads the part after <c>tile/</c>; null when it is not a path the spec allows.</summary>
    public static TilePath? Parse(string path)
    {
        var parts = path.Split('/');
        if (parts.Length < 2)
            return null;
        int? level = null;
        if (parts[0] != "entries")
        {
            if (TextFields.Decimal(parts[0]) is not { } l || l > 63)
                return null;
            level = (int)l;
        }
        var rest = parts[1..];
        int? width = null;
        if (rest.Length >= 2 && rest[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (TextFields.Decimal(rest[^1]) is not { } w || w is < 1 or > 255)
                return null;
            width = (int)w;
            rest = [.. rest[..^2], rest[^2][..^2]];
        }
        long index = 0;
        for (var i = 0; i < rest.Length; i++)
        {
            var element = rest[i];
            var last = i == rest.Length - 1;
            if (!last)
            {
                if (!element.StartsWith('x'))
                    return null;
                element = element[1..];
            }
            if (element.Length != 3 || !element.All(char.IsAsciiDigit) || (i == 0 && rest.Length > 1 && element == "000"))
                return null;
            if (index > (long.MaxValue - 999) / 1000)
                return null;
            index = index * 1000 + int.Parse(element, CultureInfo.InvariantCulture);
        }
        return new TilePath(level, index, width);
    }
}
