using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Parley.Statements;

/// <summary>An article as plain paragraphs, with what its markup says about it.</summary>
public sealed record Article(string Text, DateOnly? Published, string? Outlet, string? Url);

/// <summary>
/// Turns a pasted or uploaded article into plain text. HTML is parsed (AngleSharp) and only its text is kept:
/// scripts, styles and embedded objects are dropped and nothing of the markup is ever rendered or run.
/// </summary>
public static class ArticleText
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly string[] Dropped = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "nav", "footer", "form", "head"];
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "article", "section", "header", "tr", "figcaption", "pre",
    };

    public static bool LooksLikeHtml(string text) =>
        text.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal);

    public static Article Read(string text)
    {
        if (!LooksLikeHtml(text))
            return new Article(Normalize(text), null, null, null);
        var document = new HtmlParser().ParseDocument(text);
        var published = Meta(document, "article:published_time") ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var outlet = Meta(document, "og:site_name");
        var url = Meta(document, "og:url") ?? document.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        foreach (var element in document.QuerySelectorAll(string.Join(',', Dropped)).ToList())
            element.Remove();
        var builder = new StringBuilder();
        Append(document.Body ?? (INode)document.DocumentElement, builder);
        return new Article(Normalize(builder.ToString()), ParseDate(published), outlet, url);
    }

    private static string? Meta(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content") is { Length: > 0 } value ? value.Trim() : null;

    private static DateOnly? ParseDate(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
                continue;
            }
            var block = child is IElement e && Blocks.Contains(e.LocalName);
            if (block)
                text.Append('\n');
            Append(child, text);
            if (block)
                text.Append('\n');
        }
    }

    /// <summary>Paragraphs separated by one newline, spaces collapsed inside them.</summary>
    public static string Normalize(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => p.Length > 0);
        return string.Join('\n', paragraphs);
    }
}
