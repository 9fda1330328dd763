using Parley.Directory;
using Parley.Statements;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.StatementsSlice;

/// <summary>
/// The press import measured on a corpus of 22 articles (Fixtures/press: English and Russian, wire copy, papers,
/// statements, tweets; quotes after and before their attribution, split, partial inside reported speech, and
/// scare quotes that are no statement), each with the statements a reader would record. A proposal is right when
/// its speaker is the reader's and its text holds the quote (or the quote holds it); precision and recall are over
/// the whole corpus.
/// </summary>
public sealed class PressCorpusTests(ITestOutputHelper output)
{
    public sealed record Expected(string Speaker, string Text);

    public sealed record CorpusArticle(string Name, Article Article, IReadOnlyList<Expected> Statements);

    public static IReadOnlyList<CorpusArticle> Corpus() =>
        System.IO.Directory.GetFiles(Repository.Path("tests/Parley.Tests/Fixtures/press"), "*.txt").Order(StringComparer.Ordinal).Select(Read).ToList();

    private static CorpusArticle Read(string file)
    {
        var parts = File.ReadAllText(file).Split("\n---\n");
        var head = parts[0].Split('\n').Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = parts.Length > 2 ? parts[2].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(" | ", 2)).Select(p => new Expected(p[0], p[1])).ToList() : [];
        return new CorpusArticle(Path.GetFileName(file),
            new Article(ArticleText.Normalize(parts[1]), DateOnly.Parse(head["published"], System.Globalization.CultureInfo.InvariantCulture), head["outlet"], null), expected);
    }

    private static string Plain(string text) =>
        new(NameRules.Fold(text).Where(c => char.IsLetterOrDigit(c) || c == ' ').ToArray());

    public static bool Same(Expected expected, Proposal proposal)
    {
        var (gold, got) = (Plain(expected.Text).Trim(), Plain(proposal.Text).Trim());
        return PressImportTests.Key(proposal.Speaker.Person) == expected.Speaker && gold.Length > 0 && got.Length > 0
            && (got.Contains(gold, StringComparison.Ordinal) || gold.Contains(got, StringComparison.Ordinal));
    }

    public static (int Proposed, int Right, int Expected, int Found, IReadOnlyList<string> Misses) Measure()
    {
        var directory = PressImportTests.Directory();
        var (proposed, right, expected, found, misses) = (0, 0, 0, 0, new List<string>());
        foreach (var article in Corpus())
        {
            var proposals = PressImport.Propose(article.Article, directory);
            proposed += proposals.Count;
            right += proposals.Count(p => article.Statements.Any(e => Same(e, p)));
            expected += article.Statements.Count;
            found += article.Statements.Count(e => proposals.Any(p => Same(e, p)));
            misses.AddRange(article.Statements.Where(e => !proposals.Any(p => Same(e, p))).Select(e => $"{article.Name}: missed {e.Speaker} “{e.Text}”"));
            misses.AddRange(proposals.Where(p => !article.Statements.Any(e => Same(e, p))).Select(p => $"{article.Name}: wrong {PressImportTests.Key(p.Speaker.Person) ?? "?"} “{p.Text}”"));
        }
        return (proposed, right, expected, found, misses);
    }

    [Fact]
    public void On_the_corpus_precision_and_recall_are_at_least_nine_in_ten()
    {
        var (proposed, right, expected, found, misses) = Measure();
        var (precision, recall) = (right / (double)proposed, found / (double)expected);
        output.WriteLine($"{Corpus().Count} articles, {expected} statements; proposed {proposed}, right {right}, found {found}");
        output.WriteLine($"precision {precision:P1}, recall {recall:P1}");
        foreach (var miss in misses)
            output.WriteLine(miss);
        Assert.True(Corpus().Count >= 20, "the corpus has fewer than 20 articles");
        Assert.True(precision >= 0.9 && recall >= 0.9, $"precision {precision:P1}, recall {recall:P1}:\n{string.Join("\n", misses)}");
    }
}
