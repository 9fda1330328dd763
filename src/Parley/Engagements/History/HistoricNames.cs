using System.Text.RegularExpressions;
using Parley.Directory;

namespace Parley.Engagements;

/// <summary>A person as a historical record names them: the title they held then ("Prime Minister") and their name.</summary>
public sealed record TitledName(string? Title, string Name);

/// <summary>How well a name recorded one way fits a name recorded another.</summary>
public enum NameFit
{
    None,

    /// <summary>Only a family name ("President Arias"): a match only where one person of the country bears it.</summary>
    FamilyNameOnly,

    /// <summary>Every name of the shorter form is in the longer one, spelling variants allowed (Dmitri / Dmitriy / Dimitry).</summary>
    Full,
}

/// <summary>
/// Reads the titles and names of the Office of the Historian's records, and decides whether two spellings name the same
/// person. Pure: the import decides with what these say.
/// </summary>
public static partial class HistoricNames
{
    // Words a title is made of, as the records spell them (typos included), so "Prime Minster Adrian Nastase" reads as
    // the title "Prime Minster" and the name "Adrian Nastase".
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "president-elect", "president-", "elect", "designate", "prime", "minister", "minster", "ministere", "premier",
        "king", "queen", "chancellor", "chancellor-elect", "federal", "amir", "emir", "shah", "emperor", "sultan", "chairman",
        "prince", "princess", "pope", "grand", "duke", "duchess", "governor", "general", "vice", "taoiseach", "interim", "acting",
        "sheikh", "sheik", "regent", "crown", "chief", "of", "the", "state", "presidency", "provisional", "lieutenant", "brigadier",
        "junta", "member", "head", "first", "secretary", "foreign", "deputy", "transitional", "supreme", "leader", "council",
        "ministers", "cabinet", "government",
    };

    private static readonly HashSet<string> Connectors = ["of", "the", "and", "&"];

    /// <summary>The people a visitor line names: "President Francesco Cossiga and Prime Minister Giulio Andreotti" is two.</summary>
    public static IReadOnlyList<TitledName> Visitors(string text)
    {
        var people = new List<TitledName>();
        foreach (var part in Separator().Split(Clean(text)))
        {
            var person = Titled(part);
            // "Premier and Prince Sihanouk": a part that is only a title belongs to the next person's title.
            if (person.Name.Length == 0)
            {
                people.Add(person);
                continue;
            }
            if (people.Count > 0 && people[^1].Name.Length == 0)
            {
                var title = people[^1].Title + " and " + person.Title;
                people[^1] = new TitledName(person.Title is null ? people[^1].Title : title, person.Name);
                continue;
            }
            // ", Jr." and ", 3rd" are part of the name before them, not another visitor.
            if (people.Count > 0 && person.Title is null && Suffix().IsMatch(person.Name))
            {
                people[^1] = people[^1] with { Name = $"{people[^1].Name}, {person.Name}" };
                continue;
            }
            people.Add(person);
        }
        return people.Where(p => p.Name.Length > 0).ToList();
    }

    /// <summary>A leading run of title words, and the rest as the name ("Amir Sheikh Tamim bin Hamad Al Thani").</summary>
    public static TitledName Titled(string text)
    {
        var words = Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var n = 0;
        while (n < words.Length && (TitleWords.Contains(words[n]) || (n > 0 && Connectors.Contains(words[n].ToLowerInvariant()))))
            n++;
        // A name is left: "King Hussein" is the title King and the name Hussein, never the title "King Hussein".
        while (n > 0 && n < words.Length && Connectors.Contains(words[n - 1].ToLowerInvariant()))
            n--;
        var title = n == 0 ? null : string.Join(' ', words[..n]).Replace("President- ", "President-", StringComparison.Ordinal);
        return new TitledName(title, string.Join(' ', words[n..]));
    }

    /// <summary>The name as a record shows it: parenthetical glosses dropped ("Henry A. (Heinz Alfred) Kissinger").</summary>
    public static string Display(string name) => Spaces().Replace(Parenthetical().Replace(name, " "), " ").Trim().TrimEnd(',');

    /// <summary>
    /// The name's words for comparing: folded, hyphens and dots as spaces, initials dropped ("Dimitry A. Medvedev" →
    /// dimitry, medvedev), ordinal suffixes as roman numerals ("3rd" → iii), parenthetical glosses kept as other words.
    /// </summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var folded = NameRules.Fold(name.Replace('(', ' ').Replace(')', ' '));
        var words = new List<string>();
        foreach (var raw in NonLetters().Split(folded))
        {
            var word = raw switch { "2nd" => "ii", "3rd" => "iii", "4th" => "iv", "jr" or "junior" => "jr", _ => raw };
            if (word.Length > 1 && !word.All(char.IsDigit))
                words.Add(word);
        }
        return words;
    }

    /// <summary>
    /// How well the name <paramref name="incoming"/> fits the name <paramref name="known"/>. A bare family name fits the
    /// last word of a full name, or its first where names put the family first (<paramref name="familyFirst"/>: "President
    /// Park" is Park Chung Hee, but "Jean" is not Jean-Claude Juncker).
    /// </summary>
    public static NameFit Fit(IReadOnlyList<string> incoming, IReadOnlyList<string> known, bool familyFirst = false)
    {
        if (incoming.Count == 0 || known.Count == 0)
            return NameFit.None;
        var (shorter, longer) = incoming.Count <= known.Count ? (incoming, known) : (known, incoming);
        var used = new bool[longer.Count];
        foreach (var word in shorter)
        {
            var at = -1;
            for (var i = 0; i < longer.Count && at < 0; i++)
            {
                if (!used[i] && SameWord(word, longer[i]))
                    at = i;
            }
            if (at < 0)
                return NameFit.None;
            used[at] = true;
        }
        // Two forms that share all their words but the family name are two people (Indira and Rajiv Gandhi differ in
        // the given name; the rule is the family name, last in most records and first in East Asian ones).
        if (shorter.Count == 1)
            return used[^1] || (familyFirst && used[0]) ? NameFit.FamilyNameOnly : NameFit.None;
        return used[^1] || used[0] ? NameFit.Full : NameFit.None;
    }

    /// <summary>
    /// One word spelled two ways: equal, or (from four letters) the same consonants in the same order and few edits apart,
    /// which is how transliterations differ (dmitri, dmitriy, dimitry; tamim, tameem; jabir, jaber; muhammad, mohammed).
    /// </summary>
    public static bool SameWord(string a, string b)
    {
        if (a == b)
            return true;
        if (a.Length < 4 || b.Length < 4 || a[0] != b[0] || Skeleton(a) != Skeleton(b))
            return false;
        return Edits(a, b) <= 1 + Math.Min(a.Length, b.Length) / 3;
    }

    private static string Skeleton(string word)
    {
        var chars = new List<char> { word[0] };
        foreach (var c in word.AsSpan(1))
        {
            if ("aeiouy".Contains(c, StringComparison.Ordinal) || chars[^1] == c)
                continue;
            chars.Add(c);
        }
        return new string([.. chars]);
    }

    private static int Edits(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    // One record runs the title into the name ("Prime MinisterHaidar al- Abadi").
    private static string Clean(string text) => Spaces().Replace(GluedTitle().Replace(System.Net.WebUtility.HtmlDecode(text), "$1 "), " ").Trim();

    [GeneratedRegex(@"(Minister)(?=\p{Lu})")]
    private static partial Regex GluedTitle();

    [GeneratedRegex(@"\s*,\s*|\s+and\s+|\s+&\s+")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(jr|sr|ii|iii|iv|[0-9](st|nd|rd|th))\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonLetters();
}
