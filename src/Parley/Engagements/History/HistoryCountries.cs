using Parley.Directory;

namespace Parley.Engagements;

/// <summary>The Office of the Historian's country ids ("russia", "korea-south", "czechoslovakia") as the countries Parley records.</summary>
public static class HistoryCountries
{
    private static readonly Lazy<IReadOnlyDictionary<string, CountryRecorded>> ById = new(Load);

    /// <summary>The country an id stands for, or null for an id the table does not know.</summary>
    public static CountryRecorded? Find(string id) => ById.Value.GetValueOrDefault(id.Trim().ToLowerInvariant());

    private static IReadOnlyDictionary<string, CountryRecorded> Load()
    {
        using var stream = typeof(HistoryCountries).Assembly.GetManifestResourceStream("Parley.Engagements.History.countries.tsv")!;
        using var reader = new StreamReader(stream);
        var table = new Dictionary<string, CountryRecorded>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var columns = line.Split('\t');
            var country = new CountryRecorded(columns[0], columns[1], columns[2]);
            foreach (var id in columns[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                table.Add(id, country);
        }
        return table;
    }
}
