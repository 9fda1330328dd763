using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Statements;

/// <summary>What an attribution clause says: names that may be the speaker, a pronoun, a title, the medium, the outlet and the day.</summary>
public sealed record AttributionReading(
    IReadOnlyList<string> Names, bool Pronoun, IReadOnlyList<string> Titles, Medium Medium, string? Outlet, string? DayPhrase);

public static partial class Attribution
{
    /// <summary>Honorifics and titles in front of a name: "Sen. Ron Johnson" is Ron Johnson.</summary>
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "Sen.", "Senator", "Rep.", "Representative", "Gov.", "Governor", "President", "Vice", "Mr.", "Mrs.", "Ms.", "Dr.", "Secretary",
        "Ambassador", "Minister", "Chairman", "Speaker", "Prime", "Deputy", "Foreign", "Press", "Kremlin", "White", "House", "Senate", "The",
        "Сенатор", "Президент", "Министр", "Посол", "Председатель", "Глава", "Пресс-секретарь",
    };

    private static readonly string[] TitleNouns =
        ["spokesman", "spokeswoman", "spokesperson", "press secretary", "chairman", "chairwoman", "chair", "head", "minister", "ambassador", "senator", "speaker", "пресс-секретарь", "председатель", "глава", "посол"];

    private static readonly string[] Days = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;

    [GeneratedRegex(@"\b(he|she|they|он|она|они)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounWord();

    [GeneratedRegex(@"(?:told|in an interview with|speaking to|wrote in|writing in|said on|said in an interview with)\s+(?:the\s+)?((?:[A-Z][\w’'&.-]*\s?)+)")]
    private static partial Regex OutletAfterVerb();

    /// <summary>Runs of capitalised words (Latin or Cyrillic), honorifics included, split at commas.</summary>
    [GeneratedRegex(@"(?:\b[\p{Lu}][\p{L}’'\-]*\.?(?:\s+|$))+")]
    internal static partial Regex CapitalisedRun();

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|this morning|last week|this week|this weekend|last month|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|вчера|сегодня|в понедельник|во вторник|в среду|в четверг|в пятницу|в субботу|в воскресенье)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayWords();

    public static AttributionReading Read(string clause)
    {
        var (medium, outlet) = MediumOf(clause);
        var day = DayWords().Match(clause) is { Success: true } d ? d.Value : null;
        var names = new List<string>();
        foreach (var part in clause.Split(','))
        {
            foreach (Match run in CapitalisedRun().Matches(part))
            {
                var words = run.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => Honorifics.Contains(w)).ToList();
                var name = string.Join(' ', words).TrimEnd('.');
                if (name.Length > 1 && !Days.Contains(name, StringComparer.OrdinalIgnoreCase) && !PronounWord().IsMatch(name)
                    && (outlet is null || !outlet.Contains(name, StringComparison.Ordinal)))
                    names.Add(name);
            }
        }
        var lower = clause.ToLowerInvariant();
        var titles = TitleNouns.Where(t => Regex.IsMatch(lower, $@"\b{Regex.Escape(t)}\b")).Select(t => TitlePhrase(lower, t)).ToList();
        return new AttributionReading(names, PronounWord().IsMatch(clause) && names.Count == 0, titles, medium, outlet, day);
    }

    /// <summary>The title with up to two words before it: "kremlin spokesman", "the foreign affairs committee head".</summary>
    private static string TitlePhrase(string lower, string noun)
    {
        var at = lower.IndexOf(noun, StringComparison.Ordinal);
        var before = lower[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("the" or "a" or "an")).TakeLast(2);
        return string.Join(' ', before.Append(noun)).Trim(',', ' ');
    }

    private static (Medium, string?) MediumOf(string clause)
    {
        var lower = clause.ToLowerInvariant();
        string? Outlet() => OutletAfterVerb().Match(clause) is { Success: true } m ? m.Groups[1].Value.Trim().TrimEnd('.', ',') : null;
        if (Regex.IsMatch(lower, @"\btweet(ed|s)?\b|\bon (twitter|x)\b"))
            return (Medium.SocialMediaPost, "Twitter");
        if (Regex.Match(lower, @"\b(?:posted|wrote|said) on (facebook|telegram|instagram|vk|truth social)\b") is { Success: true } social)
            return (Medium.SocialMediaPost, CultureInfo.InvariantCulture.TextInfo.ToTitleCase(social.Groups[1].Value));
        if (Regex.IsMatch(lower, @"\b(press release|in a statement|statement released)\b"))
            return (Medium.PressRelease, null);
        if (Regex.IsMatch(lower, @"\b(briefing|press conference|news conference|told reporters|told journalists|брифинг|журналистам)\b"))
            return (Medium.PressBriefing, null);
        if (Regex.IsMatch(lower, @"\b(on the (senate|house) floor|floor speech|floor remarks)\b"))
            return (Medium.FloorRemarks, null);
        if (Regex.IsMatch(lower, @"\b(op-ed|wrote in|writing in)\b"))
            return (Medium.Article, Outlet());
        if (Regex.IsMatch(lower, @"\b(interview|told|speaking to|в интервью)\b") && Outlet() is { } outlet)
            return (Medium.Interview, outlet);
        return (Medium.Remarks, null);
    }

    /// <summary>The day a phrase names, counted back from the article's date; null when it names no single day.</summary>
    public static DateOnly? ResolveDay(string phrase, DateOnly published)
    {
        var lower = phrase.ToLowerInvariant();
        if (lower is "today" or "tonight" or "this morning" or "сегодня")
            return published;
        if (lower is "yesterday" or "вчера")
            return published.AddDays(-1);
        string[] ru = ["в воскресенье", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"];
        var weekday = Array.FindIndex(Days, d => d.Equals(lower, StringComparison.OrdinalIgnoreCase)) is var en and >= 0 ? en : Array.IndexOf(ru, lower);
        if (weekday >= 0)
            return published.AddDays(-(((int)published.DayOfWeek - weekday + 7) % 7));
        var text = Regex.Replace(phrase, @"\s+", " ").Replace("Sept", "Sep", StringComparison.Ordinal);
        var yearGiven = Regex.IsMatch(text, @"\d{4}");
        if (!yearGiven)
            text = char.IsDigit(text[0]) ? $"{text} {published.Year}" : $"{text}, {published.Year}";
        string[] formats = ["MMM d, yyyy", "MMM. d, yyyy", "MMMM d, yyyy", "d MMMM yyyy"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            var date = DateOnly.FromDateTime(parsed);
            // "Dec. 30" in an article of 2 January is last year's.
            return !yearGiven && date > published ? date.AddYears(-1) : date;
        }
        return null;
    }
}
