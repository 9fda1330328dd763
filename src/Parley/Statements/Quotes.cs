using System.Text.RegularExpressions;

namespace Parley.Statements;

/// <summary>
/// A quoted passage and the words around it that may say who spoke. <see cref="Partial"/>: a few words quoted inside the
/// reporter's own sentence ("McConnell said the bill was “a serious proposal”"), attributed by that sentence.
/// </summary>
public sealed record QuotedPassage(int Paragraph, int Start, string Text, string? Attribution, bool AttributionBefore, bool Partial = false);

/// <summary>
/// Finds quoted passages and their attributions in plain paragraphs: “…,” X said. / X said: “…” / «…», — сказал X.
/// A quote with no attribution of its own continues the previous speaker's statement when it follows it in the same
/// paragraph (a quote split across sentences) or fills the next paragraph alone; any other unattributed quote
/// (“engaging around the world”) is a phrase in the reporter's text, not a statement.
/// </summary>
public static partial class Quotes
{
    private const string Openers = "“«„\"";

    /// <summary>Speech verbs, English and Russian; a clause without one is not an attribution.</summary>
    [GeneratedRegex(@"\b(said|says|say|tweeted|posted|wrote|writes|told|tells|added|adds|noted|stated|explained|insisted|declared|announced|replied|responded|continued|asked|argued|warned|according to|сказал|сказала|заявил|заявила|отметил|отметила|написал|написала|сообщил|сообщила|подчеркнул|подчеркнула|добавил|добавила|пояснил|пояснила|рассказал|рассказала|по словам)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex SpeechVerb();

    [GeneratedRegex(@"(?<![\p{L}.])(Sen|Rep|Gov|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Adm|Amb|Pres|Prof|Sgt|Capt|U\.S|[A-Z]|[A-Z]-[A-Z][a-z]{1,4}|[A-Z]-[A-Z]{2}|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.$")]
    private static partial Regex Abbreviation();

    public static IReadOnlyList<QuotedPassage> Find(string text)
    {
        var result = new List<QuotedPassage>();
        var paragraphs = text.Split('\n');
        var offset = 0;
        for (var p = 0; p < paragraphs.Length; offset += paragraphs[p].Length + 1, p++)
        {
            var paragraph = paragraphs[p];
            var spans = Spans(paragraph);
            for (var i = 0; i < spans.Count; i++)
            {
                var (start, end) = spans[i];
                var before = paragraph[(i == 0 ? 0 : spans[i - 1].End + 1)..start];
                var after = paragraph[(end + 1)..(i + 1 < spans.Count ? spans[i + 1].Start : paragraph.Length)];
                var content = paragraph[(start + 1)..end].Trim();
                // Words between two quotes that attributed the first do not attribute the second: “This,” said X, “is it.”
                var beforeTaken = result.Count > 0 && result[^1] is { Paragraph: var last, AttributionBefore: false, Attribution: not null } && last == p && i > 0;
                var (attribution, isBefore, partial) = AttributionAfter(content, after) is { } a ? (a, false, false)
                    : !beforeTaken && AttributionBefore(before) is { } b ? (b, true, false)
                    : !beforeTaken && ReportedSpeech(before) is { } r ? (r, true, true) : ((string?)null, false, false);
                result.Add(new QuotedPassage(p, offset + start, content, attribution, isBefore, partial));
            }
        }
        return result;
    }

    /// <summary>Quote spans as (opening index, closing index) pairs.</summary>
    private static List<(int Start, int End)> Spans(string paragraph)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < paragraph.Length; i++)
        {
            var open = paragraph[i];
            if (!Openers.Contains(open, StringComparison.Ordinal) || (open == '"' && i > 0 && char.IsLetterOrDigit(paragraph[i - 1])))
                continue;
            var closers = open switch { '“' => "”\"", '«' => "»", '„' => "“”", _ => "\"”" };
            var close = paragraph.IndexOfAny(closers.ToCharArray(), i + 1);
            if (close < 0)
                break;
            spans.Add((i, close));
            i = close;
        }
        return spans;
    }

    /// <summary>
    /// The clause right after a quote up to the end of its sentence, if it attributes the quote: the quote closes its
    /// own sentence or clause (“…,” / «…», —), so a phrase running on into the reporter's sentence (the “reset” with
    /// Moscow has been declared dead) is not taken for speech.
    /// </summary>
    private static string? AttributionAfter(string content, string after)
    {
        var clause = after.TrimStart(' ', ',', '—', '–', '-', '\u00a0');
        if (clause.Length == 0 || after.Length - clause.Length > 4)
            return null;
        var closes = content.Length > 0 && content[^1] is ',' or '.' or '!' or '?' or '…';
        if (!closes && !after.TrimStart(' ', '\u00a0').StartsWith(',') && !after.TrimStart(' ', '\u00a0').StartsWith('—'))
            return null;
        clause = FirstSentence(clause);
        var verb = SpeechVerb().Match(clause);
        // The verb sits close to the quote: "…," Paul tweeted / "…," said Kosachev, head of …
        return verb.Success && clause[..verb.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8 ? clause.Trim() : null;
    }

    /// <summary>The clause right before a quote in the same sentence, if it ends in ':' or ',' and attributes it.</summary>
    private static string? AttributionBefore(string before)
    {
        var trimmed = before.TrimEnd();
        if (trimmed.Length == 0 || trimmed[^1] is not (':' or ','))
            return null;
        var sentence = LastSentence(trimmed[..^1]);
        return SpeechVerb().IsMatch(sentence) ? sentence.Trim() : null;
    }

    /// <summary>
    /// The reporter's sentence up to a quote inside it, when it reports speech (said, called, described as, назвала…)
    /// and the quote is not introduced by ':' or ','. The speaker must then be named in it: see <see cref="PressImport"/>.
    /// </summary>
    private static string? ReportedSpeech(string before)
    {
        var trimmed = before.TrimEnd();
        if (trimmed.Length == 0 || trimmed[^1] is ':' or ',' or '.' or '!' or '?')
            return null;
        var sentence = LastSentence(trimmed);
        // The verb governs the quote only near it: "said the talks had been “…”", not "announced a trip … in support of
        // the policy of “engaging around the world”".
        var verb = SpeechVerb().Matches(sentence).Concat(ReportingVerb().Matches(sentence)).MaxBy(m => m.Index);
        return verb is not null && sentence[(verb.Index + verb.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 ? sentence.Trim() : null;
    }

    /// <summary>Verbs that report words without quoting a whole sentence: called it “…”, described as “…”, назвала «…».</summary>
    [GeneratedRegex(@"\b(call|calls|called|described|describes|hoped|hopes|promised|vowed|назвал|назвала|назвали|охарактеризовал|охарактеризовала)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportingVerb();

    private static string FirstSentence(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !Abbreviation().IsMatch(text[..(i + 1)]))
                return text[..(i + 1)];
        }
        return text;
    }

    private static string LastSentence(string text)
    {
        for (var i = text.Length - 1; i > 0; i--)
        {
            if (text[i] is '.' or '!' or '?' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !Abbreviation().IsMatch(text[..(i + 1)]))
                return text[(i + 1)..];
        }
        return text;
    }
}
