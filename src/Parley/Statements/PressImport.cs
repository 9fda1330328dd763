using System.ComponentModel.DataAnnotations;
using Parley.Record;

namespace Parley.Statements;

/// <summary>A statement Parley proposes from an article; a person reviews it before anything is recorded.</summary>
public sealed record Proposal(
    int Number, string Text, string Language, SpeakerMatch Speaker, Medium Medium, string? Outlet, DateOnly? SaidOn, DateBasis DateBasis,
    string? DayPhrase, string? Problem, string Attribution);

/// <summary>
/// Proposes statements from a news article: each attributed quote (with quotes split across sentences joined),
/// its speaker resolved against the directory and the article's own mentions, the medium and outlet, and the day.
/// Pure over the article text and a <see cref="SpeakerDirectory"/>, so it is tested without a database.
/// </summary>
public static class PressImport
{
    public static async Task<IReadOnlyList<Proposal>> ProposeAsync(ParleyDb db, Article article, CancellationToken ct) =>
        Propose(article, await SpeakerDirectory.LoadAsync(db, ct));

    public static IReadOnlyList<Proposal> Propose(Article article, SpeakerDirectory directory)
    {
        var text = article.Text;
        var quotes = Quotes.Find(text);
        var mentions = Mentions(text, quotes, directory, out var namedEarlier);
        var proposals = new List<Proposal>();
        QuotedPassage? previous = null;
        foreach (var quote in quotes)
        {
            if (quote.Attribution is null)
            {
                if (proposals.Count > 0 && previous is not null && Continues(text, previous, quote))
                {
                    var last = proposals[^1];
                    proposals[^1] = last with { Text = Join(last.Text, quote.Text.EndsWith(',') ? quote.Text[..^1] + "." : quote.Text) };
                    previous = quote;
                }
                continue;
            }
            var reading = Attribution.Read(quote.Attribution);
            var (saidOn, basis, problem) = DayOf(reading.DayPhrase, article.Published);
            var speaker = SpeakerOf(reading, directory, namedEarlier, mentions, quote.Start, saidOn ?? article.Published);
            // A few words quoted in the reporter's sentence are a statement only when that sentence names who said them
            // ("Critics call it “engagement at any price”" is not one); the review lists them among the passages not proposed.
            if (quote.Partial && speaker.Person is null)
                continue;
            var language = LanguageOf(quote.Text);
            // The comma that led into the attribution is the reporter's, not the speaker's.
            var said = quote.Text.EndsWith(',') ? quote.Text[..^1] + "." : quote.Text;
            proposals.Add(new Proposal(proposals.Count + 1, said, language, speaker, reading.Medium, reading.Outlet ?? article.Outlet, saidOn, basis,
                reading.DayPhrase, problem, quote.Attribution));
            previous = quote;
        }
        return proposals;
    }

    /// <summary>"ru" for a text mostly in Cyrillic letters, else "en".</summary>
    public static string LanguageOf(string text) => text.Count(c => c is >= 'А' and <= 'я' or 'ё' or 'Ё') * 2 > text.Count(char.IsLetter) ? "ru" : "en";

    /// <summary>
    /// The quoted passages of the article that no proposal holds: phrases in the reporter's text, quotes whose speaker is
    /// not named, partial quotes with no one to attribute them to. The review lists them so a reviewer can add one.
    /// </summary>
    public static IReadOnlyList<QuotedPassage> NotProposed(Article article, IReadOnlyList<Proposal> proposals)
    {
        var held = proposals.Select(p => Directory.NameRules.Fold(p.Text)).ToList();
        return Quotes.Find(article.Text).Where(q => Directory.NameRules.Fold(q.Text.TrimEnd(',', '.')) is { Length: > 0 } folded && !held.Any(h => h.Contains(folded, StringComparison.Ordinal))).ToList();
    }

    /// <summary>An unattributed quote continues the last statement in the same paragraph, or as the whole of the next one.</summary>
    private static bool Continues(string text, QuotedPassage previous, QuotedPassage quote)
    {
        if (quote.Paragraph == previous.Paragraph)
            return true;
        var paragraphs = text.Split('\n');
        return quote.Paragraph == previous.Paragraph + 1 && paragraphs[quote.Paragraph].Trim().Length <= quote.Text.Length + 4;
    }

    private static string Join(string first, string next)
    {
        // A sentence broken by its attribution runs on ("This resolution … is about"): the full stop added at the break goes.
        var head = first.TrimEnd();
        if (next.Length > 0 && char.IsLower(next[0]) && head.EndsWith('.'))
            head = head[..^1];
        return $"{head} {next}";
    }

    private static (DateOnly?, DateBasis, string?) DayOf(string? phrase, DateOnly? published)
    {
        if (phrase is null)
        {
            return published is { } p ? (p, DateBasis.Reported, null)
                : (null, DateBasis.Reported, "The article's date is not known and the text gives no day: give the article's date or set this statement's date.");
        }
        if (published is not { } date)
            return (null, DateBasis.Stated, $"“{phrase}” can only be resolved from the article's date: give the article's date.");
        return Attribution.ResolveDay(phrase, date) is { } day
            ? (day, DateBasis.Stated, null)
            : (null, DateBasis.Stated, $"“{phrase}” names no single day: set this statement's date.");
    }

    private static SpeakerMatch SpeakerOf(AttributionReading reading, SpeakerDirectory directory, IReadOnlyDictionary<string, Guid> namedEarlier,
        IReadOnlyList<(int At, Guid Person)> mentions, int quoteStart, DateOnly? on)
    {
        // Full names first wherever they stand in the clause, then surnames, then titles, then a pronoun.
        var matches = reading.Names.SelectMany(Suffixes).Select(n => directory.Resolve(n, namedEarlier, on)).ToList();
        if (matches.FirstOrDefault(m => m.Basis == SpeakerBasis.FullName) is { } fullName)
            return fullName;
        if (matches.FirstOrDefault(m => m.Person is not null) is { } partial)
            return partial;
        foreach (var title in reading.Titles)
        {
            if (directory.ByTitle(title, on) is { Person: not null } holder)
                return holder;
        }
        if (reading.Pronoun && mentions.LastOrDefault(m => m.At < quoteStart) is { Person: var person } && person != Guid.Empty)
            return new SpeakerMatch(person, "pronoun", SpeakerBasis.Pronoun, []);
        var phrase = reading.Names.FirstOrDefault() ?? reading.Titles.FirstOrDefault() ?? (reading.Pronoun ? "pronoun with no one named before it" : "no name");
        return matches.FirstOrDefault(m => m.Basis == SpeakerBasis.Ambiguous) ?? new SpeakerMatch(null, phrase, SpeakerBasis.Unresolved, []);
    }

    /// <summary>"Russian President Vladimir Putin" → itself, "President Vladimir Putin", "Vladimir Putin", "Putin".</summary>
    private static IEnumerable<string> Suffixes(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Enumerable.Range(0, words.Length).Select(i => string.Join(' ', words[i..]));
    }

    /// <summary>
    /// People the reporter's own text names (quotes blanked out), in order: full names resolve against the directory
    /// and teach the surnames used later ("Sen. Rand Paul" … "Paul tweeted"); pronouns refer back to the latest.
    /// </summary>
    private static List<(int At, Guid Person)> Mentions(string text, IReadOnlyList<QuotedPassage> quotes, SpeakerDirectory directory, out Dictionary<string, Guid> namedEarlier)
    {
        var chars = text.ToCharArray();
        foreach (var q in quotes)
        {
            var at = text.IndexOf(q.Text, q.Start, StringComparison.Ordinal);
            for (var i = Math.Max(at, 0); at >= 0 && i < at + q.Text.Length; i++)
                chars[i] = ' ';
        }
        var narrative = new string(chars);
        var runs = Attribution.CapitalisedRun().Matches(narrative).Select(m => (m.Index, Name: m.Value.Trim())).ToList();
        namedEarlier = [];
        var empty = new Dictionary<string, Guid>();
        foreach (var (_, name) in runs)
        {
            foreach (var suffix in Suffixes(name).Where(s => s.Contains(' ', StringComparison.Ordinal)))
            {
                if (directory.Resolve(suffix, empty) is { Basis: SpeakerBasis.FullName, Person: { } person })
                {
                    namedEarlier.TryAdd(Directory.NameRules.Fold(suffix).Split(' ')[^1], person);
                    break;
                }
            }
        }
        var mentions = new List<(int, Guid)>();
        var known = namedEarlier;
        foreach (var (at, name) in runs)
        {
            if (Suffixes(name).Select(s => directory.Resolve(s, known)).FirstOrDefault(m => m.Person is not null) is { Person: { } person })
                mentions.Add((at, person));
        }
        return mentions;
    }
}

public sealed record ArticleRequest([property: MaxLength(2097152)] string? Text, DateOnly? Published = null, [property: MaxLength(200)] string? Outlet = null, [property: MaxLength(2000)] string? Url = null);

public sealed record AcceptRequest([property: MaxLength(2097152)] string? SourceText, DateOnly? Published, [property: MaxLength(200)] string? Outlet, [property: MaxLength(2000)] string? Url, List<StatementInput>? Statements);

/// <summary>Reading an article, and recording what a reviewer accepted from it.</summary>
public static class ArticleReview
{
    /// <summary>Checks the article and reads it; the error names what to fix.</summary>
    public static Result<Article> Read(ArticleRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
            return StatementErrors.ArticleEmpty;
        var bytes = System.Text.Encoding.UTF8.GetByteCount(request.Text);
        if (bytes > ArticleText.MaxBytes)
            return StatementErrors.ArticleTooLarge(bytes);
        var article = ArticleText.Read(request.Text);
        if (article.Text.Length == 0)
            return StatementErrors.ArticleWithoutText;
        return Result<Article>.Ok(article with
        {
            Published = request.Published ?? article.Published,
            Outlet = request.Outlet is { Length: > 0 } o ? o : article.Outlet,
            Url = request.Url is { Length: > 0 } u ? u : article.Url,
        });
    }

}
