using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Parley.Directory;

namespace Parley.Engagements;

/// <summary>A foreign trip of the President or the Secretary of State (travels/*-travels/*.xml).</summary>
public sealed record HistoricTrip(
    Origin Origin, string Id, string Role, string Who, string Name, DateOnly Start, DateOnly End, string CountryId, string CountryName,
    string Locale, string Remarks, Origin CountryAt);

/// <summary>A foreign leader's visit to the United States (visits/data/*.xml); <see cref="Visitor"/> is title and name as text.</summary>
public sealed record HistoricVisit(
    Origin Origin, string Id, DateOnly Start, DateOnly End, string Visitor, string CountryId, string CountryName, string Description, Origin CountryAt);

/// <summary>A President's term (travels/presidents/presidents.xml; a President of two terms apart is listed twice).</summary>
public sealed record PresidentTerm(Origin Origin, string Id, string Name, int? BirthYear, DateOnly TookOffice, DateOnly? LeftOffice);

public sealed record HistoryRecords(IReadOnlyList<PresidentTerm> Presidents, IReadOnlyList<HistoricTrip> Trips, IReadOnlyList<HistoricVisit> Visits);

/// <summary>
/// Reads the Office of the Historian's "Foreign Travels of the President and Secretary of State" and "Visits by Foreign
/// Leaders" (HistoryAtState/travels and /visits) from one folder holding both; every fault names its file and line.
/// </summary>
public static partial class HistoryFiles
{
    public static HistoryRecords Read(string folder, IProgress<string>? progress)
    {
        if (!System.IO.Directory.Exists(folder))
            throw new ImportException(folder, 0, "No such folder.");
        var (travels, visits) = (Path.Combine(folder, "travels"), Path.Combine(folder, "visits"));
        if (!System.IO.Directory.Exists(travels) && !System.IO.Directory.Exists(visits))
            throw new ImportException(folder, 0, "The folder holds neither travels/ nor visits/ (the layout of the Office of the Historian's repositories).");

        var presidents = new List<PresidentTerm>();
        var trips = new List<HistoricTrip>();
        var arrivals = new List<HistoricVisit>();
        if (System.IO.Directory.Exists(travels))
        {
            var list = Path.Combine(travels, "presidents", "presidents.xml");
            if (File.Exists(list))
                presidents.AddRange(Elements(folder, list, "president").Select(e => President(e.File, e.Element)));
            foreach (var role in new[] { "president", "secretary" })
            {
                var files = Files(Path.Combine(travels, $"{role}-travels"));
                progress?.Report($"Reading {files.Length:N0} files of {role}'s travels…");
                foreach (var file in files)
                    trips.AddRange(Elements(folder, file, "trip").Select(e => Trip(e.File, e.Element, role)));
            }
        }
        if (System.IO.Directory.Exists(visits))
        {
            var files = Files(Path.Combine(visits, "data"));
            progress?.Report($"Reading {files.Length:N0} files of visits by foreign leaders…");
            foreach (var file in files)
                arrivals.AddRange(Elements(folder, file, "visit").Select(e => Visit(e.File, e.Element)));
        }
        Unique(trips.Select(t => (t.Id, t.Origin)), "trip");
        Unique(arrivals.Select(v => (v.Id, v.Origin)), "visit");
        progress?.Report($"Read {trips.Count:N0} trips, {arrivals.Count:N0} visits and {presidents.Count:N0} presidential terms.");
        return new HistoryRecords(presidents, trips, arrivals);
    }

    private static string[] Files(string folder) =>
        System.IO.Directory.Exists(folder) ? [.. System.IO.Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal)] : [];

    private static IEnumerable<(string File, XElement Element)> Elements(string root, string path, string name)
    {
        var relative = Path.GetRelativePath(root, path);
        XDocument document;
        try
        {
            // No DTD: an entity could expand without bound or name a file to read; the historian's files have none.
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new ImportException(relative, e.LineNumber, $"Not well-formed XML: {e.Message}");
        }
        var top = document.Root!;
        var expected = name switch { "trip" => "trips", "visit" => "visits", _ => "presidents" };
        if (top.Name.LocalName != expected)
            throw At(relative, top).Fault($"The file's root is <{top.Name.LocalName}>; a file here holds <{expected}>.");
        return top.Elements(name).Select(e => (relative, e));
    }

    private static HistoricTrip Trip(string file, XElement e, string role)
    {
        var origin = At(file, e);
        var (start, end) = Days(origin, e);
        var country = e.Element("country") ?? throw origin.Fault("The trip has no <country>.");
        var who = (string?)e.Attribute("who") ?? throw origin.Fault("The trip has no who=\"…\" attribute.");
        return new HistoricTrip(origin, Required(origin, e, "id"), role, who, Required(origin, e, "name"), start, end,
            Attribute(origin, country, "id"), Text(country), Text(e.Element("locale")), Text(e.Element("remarks")), At(file, country));
    }

    private static HistoricVisit Visit(string file, XElement e)
    {
        var origin = At(file, e);
        var (start, end) = Days(origin, e);
        var from = e.Element("from") ?? throw origin.Fault("The visit has no <from>.");
        return new HistoricVisit(origin, Required(origin, e, "id"), start, end, Required(origin, e, "visitor"),
            Attribute(origin, from, "id"), Text(from), Text(e.Element("description")), At(file, from));
    }

    private static PresidentTerm President(string file, XElement e)
    {
        var origin = At(file, e);
        var took = Day(At(file, e.Element("took-office-date") ?? e), (string?)e.Element("took-office-date"), "took-office-date")
            ?? throw origin.Fault("The president has no <took-office-date>.");
        var left = Day(At(file, e.Element("left-office-date") ?? e), (string?)e.Element("left-office-date"), "left-office-date");
        var birth = int.TryParse((string?)e.Element("birth-year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : (int?)null;
        return new PresidentTerm(origin, Required(origin, e, "id"), Required(origin, e, "name"), birth, took, left);
    }

    private static (DateOnly Start, DateOnly End) Days(Origin origin, XElement e)
    {
        var start = Day(At(origin.File, e.Element("start-date") ?? e), (string?)e.Element("start-date"), "start-date")
            ?? throw origin.Fault("<start-date> is missing.");
        var end = Day(At(origin.File, e.Element("end-date") ?? e), (string?)e.Element("end-date"), "end-date") ?? start;
        return end < start ? throw At(origin.File, e.Element("end-date")!).Fault($"<end-date> {end:yyyy-MM-dd} is before <start-date> {start:yyyy-MM-dd}.") : (start, end);
    }

    private static DateOnly? Day(Origin origin, string? text, string element)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw origin.Fault($"<{element}> '{text.Trim()}' is not a date like 1972-05-22.");
    }

    private static string Required(Origin origin, XElement e, string name) =>
        Text(e.Element(name)) is { Length: > 0 } text ? text : throw origin.Fault($"<{name}> is missing or empty.");

    private static string Attribute(Origin origin, XElement e, string name) =>
        ((string?)e.Attribute(name))?.Trim() is { Length: > 0 } value ? value : throw At(origin.File, e).Fault($"<{e.Name}> has no {name}=\"…\" attribute.");

    /// <summary>An element's text with its markup (&lt;em&gt;) dropped and its line breaks and indentation collapsed.</summary>
    private static string Text(XElement? e) => e is null ? "" : Spaces().Replace(e.Value, " ").Trim();

    private static Origin At(string file, XElement e) => new(file, e is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0);

    private static void Unique(IEnumerable<(string Id, Origin Origin)> records, string what)
    {
        var seen = new Dictionary<string, Origin>();
        foreach (var (id, origin) in records)
        {
            if (!seen.TryAdd(id, origin))
                throw origin.Fault($"The {what} id {id} is also used at {seen[id].Describe()}.");
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
