using System.Globalization;
using CsvHelper;
using YamlDotNet.RepresentationModel;

namespace Parley.Directory;

/// <summary>
/// Reads the @unitedstates congress-legislators files into a plan: the chambers, committees and
/// subcommittees, legislators (all their ids, terms and parties), the executive, committee memberships
/// with titles, and dated membership snapshots (snapshot-YYYY-MM-DD folders).
/// </summary>
public static class CongressFiles
{
    public const string Source = "congress-legislators";

    public static DirectoryPlan Read(string folder, DateOnly? snapshot, IProgress<string>? progress)
    {
        if (!System.IO.Directory.Exists(folder))
            throw new ImportException(folder, 0, "No such folder.");
        var plan = new DirectoryPlan();
        plan.Countries.Add(KnownInstitutions.UnitedStates);
        plan.Institutions.AddRange(KnownInstitutions.UsCore().Select(x => new PlannedInstitution(x.Id, x.Input, new Origin(folder, 0))));
        var historical = new Lazy<Dictionary<string, PlannedPerson>>(() => ReadHistorical(Path.Combine(folder, "legislators-historical.csv")));
        if (snapshot is null)
        {
            Step(progress, folder, "legislators-current.yaml", f => Legislators.Read(plan, f, "rep", "sen"), required: true);
            Step(progress, folder, "executive.yaml", f => Legislators.Read(plan, f, "prez", "viceprez"), required: false);
            Step(progress, folder, "legislators-social-media.yaml", f => Legislators.ReadSocial(plan, f), required: false);
        }
        ReadCommittees(plan, folder, snapshot, historical, progress);
        if (snapshot is null)
        {
            foreach (var sub in System.IO.Directory.GetDirectories(folder, "snapshot-*").Order(StringComparer.Ordinal))
            {
                if (DateOnly.TryParseExact(Path.GetFileName(sub)["snapshot-".Length..], "yyyy-MM-dd", out var date))
                    ReadCommittees(plan, sub, date, historical, progress);
            }
        }
        return plan;
    }

    private static void ReadCommittees(DirectoryPlan plan, string folder, DateOnly? asOf, Lazy<Dictionary<string, PlannedPerson>> historical, IProgress<string>? progress)
    {
        Step(progress, folder, "committees-current.yaml", f => Committees.Read(plan, f), required: true);
        Step(progress, folder, "committee-membership-current.yaml", f => Committees.ReadMemberships(plan, f, asOf, historical), required: true);
    }

    private static void Step(IProgress<string>? progress, string folder, string name, Action<YamlFile> read, bool required)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            if (required)
                throw new ImportException(path, 0, "The file is missing.");
            return;
        }
        progress?.Report($"reading {Path.GetFileName(folder)}/{name}");
        read(YamlFile.Load(path));
    }

    /// <summary>Past legislators by bioguide id (the CSV has one row per person); used for people a snapshot names.</summary>
    private static Dictionary<string, PlannedPerson> ReadHistorical(string path)
    {
        var result = new Dictionary<string, PlannedPerson>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return result;
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string? Field(string name) => csv.GetField(name) is { Length: > 0 } v ? v : null;
            var bioguide = Field("bioguide_id");
            if (bioguide is null)
                continue;
            var first = Field("first_name");
            var last = Field("last_name") ?? throw new ImportException(path, line, "last_name is missing.");
            var full = Field("full_name") ?? string.Join(' ', new[] { first, Field("middle_name"), last, Field("suffix") }.OfType<string>());
            var ids = header.Where(h => h.EndsWith("_id", StringComparison.Ordinal) && h != "youtube_id" && h != "twitter_id")
                .Select(h => (Scheme: h[..^3], Value: Field(h)))
                .Where(x => x.Value is not null && x.Scheme != "fec")
                .Select(x => new Identifier(x.Scheme, x.Value!)).ToList();
            var birth = DateOnly.TryParseExact(Field("birthday"), "yyyy-MM-dd", out var b) ? b : (DateOnly?)null;
            result[bioguide] = new PlannedPerson(KnownInstitutions.Person("bioguide", bioguide),
                new PersonInput(first is null ? last : $"{last}, {first}", [new NameEntry(full, "en")], ids, birth, Field("gender")),
                new Origin(path, line));
        }
        return result;
    }

    internal static string Scalar(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v.Trim() : "";
}
