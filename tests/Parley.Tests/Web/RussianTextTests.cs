using System.Text.RegularExpressions;
using System.Xml.Linq;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Web;

/// <summary>
/// Every text a page passes through the localizer has its Russian in Web/Text.ru.resx, so a page in Russian shows no
/// English words of Parley's own; and no two keys differ only in case, which the resources do not tell apart.
/// </summary>
public sealed partial class RussianTextTests
{
    [Fact]
    public void Every_text_the_pages_localize_has_its_Russian_and_no_two_keys_differ_only_in_case()
    {
        var source = Repository.Path("src/Parley");
        var keys = XDocument.Load(Path.Combine(source, "Web", "Text.ru.resx")).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToList();
        var known = keys.ToHashSet(StringComparer.Ordinal);
        var missing = System.IO.Directory.GetFiles(Path.Combine(source, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => Localized().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))))
            .Where(x => !known.Contains(x.Key))
            .Select(x => $"{x.File}: \"{x.Key}\"").Distinct().Order().ToList();
        // What a page model says it did (Done) is localized when it is said: the plain texts on a line that calls Done,
        // and the sentences a switch chooses among for it.
        missing.AddRange(System.IO.Directory.GetFiles(Path.Combine(source, "Pages"), "*.cshtml.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).SelectMany(line => SaidOn(line)).Select(key => (File: Path.GetFileName(file), Key: key)))
            .Where(x => !known.Contains(x.Key))
            .Select(x => $"{x.File}: \"{x.Key}\"").Distinct().Order());
        // Sentences the features build for pages through a Say (the scheduling assistant's reasons, a cadence in words).
        missing.AddRange(System.IO.Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => Spoken().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .Where(x => !known.Contains(x.Key))
            .Select(x => $"{x.File}: \"{x.Key}\"").Distinct().Order());
        Assert.True(missing.Count == 0, $"{missing.Count} texts have no Russian:\n{string.Join("\n", missing)}");
        var clashes = keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, $"keys differing only in case: {string.Join("; ", clashes)}");
    }

    [GeneratedRegex("""T\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex Localized();

    private static IEnumerable<string> SaidOn(string line)
    {
        var done = line.IndexOf("Done(", StringComparison.Ordinal);
        var texts = done < 0 ? [] : Literal().Matches(line[done..]).Where(m => !m.Groups[1].Value.Contains('$', StringComparison.Ordinal)).Select(m => m.Groups[2].Value);
        return texts.Concat(SwitchArm().Matches(line).Select(m => m.Groups[1].Value));
    }

    // A string literal, read whole so that an interpolated one ($"/meetings/{id}", an address, not a text) can be left out.
    [GeneratedRegex(""""([$@]*)"((?:[^"\\]|\\.)*)\x22"""")]
    private static partial Regex Literal();

    [GeneratedRegex("""(?<![\w.])say\("((?:[^"\\]|\\.)*)\x22""")]
    private static partial Regex Spoken();

    [GeneratedRegex("""=>\s*"([A-Z][^"]*\.)",?\s*$""")]
    private static partial Regex SwitchArm();
}
