using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

/// <summary>The directory as Popolo JSON (persons, organizations, memberships; countries as areas).</summary>
public static class Popolo
{
    public sealed record OtherName(string Name, string? Lang, string? Note);
    public sealed record PopoloIdentifier(string Scheme, string Identifier);
    public sealed record Area(string Id, string Name, string Classification, IReadOnlyList<OtherName>? OtherNames);
    public sealed record PopoloPerson(string Id, string Name, string? SortName, IReadOnlyList<OtherName>? OtherNames,
        IReadOnlyList<PopoloIdentifier>? Identifiers, string? BirthDate, string? Gender);
    public sealed record Organization(string Id, string Name, string Classification, string? ParentId, string? AreaId,
        IReadOnlyList<OtherName>? OtherNames, IReadOnlyList<PopoloIdentifier>? Identifiers);
    public sealed record PopoloMembership(string Id, string PersonId, string OrganizationId, string Role, string? OnBehalfOf,
        string? AreaLabel, string? Note, string? StartDate, string? EndDate, string? Source);
    public sealed record Document(IReadOnlyList<Area>? Areas, IReadOnlyList<PopoloPerson>? Persons,
        IReadOnlyList<Organization>? Organizations, IReadOnlyList<PopoloMembership>? Memberships);

    private static readonly JsonSerializerOptions Json = new(EventCatalog.Json)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task<Document> ExportAsync(ParleyDb db, CancellationToken ct)
    {
        var areas = await db.Countries.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        var people = await db.People.AsNoTracking().OrderBy(p => p.SortName).ThenBy(p => p.Id).ToListAsync(ct);
        var orgs = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).ThenBy(i => i.Id).ToListAsync(ct);
        var memberships = await db.Memberships.AsNoTracking().OrderBy(m => m.PersonId).ThenBy(m => m.Start).ThenBy(m => m.Id).ToListAsync(ct);
        return new Document(
            areas.Select(c => new Area(c.Code, c.NameEn, "country", [new OtherName(c.NameRu, "ru", null)])).ToList(),
            people.Select(p => new PopoloPerson(p.Id.ToString(), p.Name, p.SortName, Names(p.Names), Ids(p.Identifiers),
                p.BirthDate?.ToString("yyyy-MM-dd"), p.Gender)).ToList(),
            orgs.Select(i => new Organization(i.Id.ToString(), i.Name, Classification(i.Kind), i.ParentId?.ToString(), i.CountryCode,
                Names(i.Names), Ids(i.Identifiers))).ToList(),
            memberships.Select(m => new PopoloMembership(m.Id.ToString(), m.PersonId.ToString(), m.InstitutionId.ToString(), m.Role,
                m.Party, m.Area, m.Note, m.Start?.ToString("yyyy-MM-dd"), m.End?.ToString("yyyy-MM-dd"), m.Source)).ToList());
    }

    public static async Task WriteAsync(Document document, Stream output, CancellationToken ct) =>
        await JsonSerializer.SerializeAsync(output, document, Json, ct);

    /// <summary>Reads a Popolo file into a plan; every fault names the file and line.</summary>
    public static DirectoryPlan Read(string path)
    {
        if (!File.Exists(path))
            throw new ImportException(path, 0, "No such file.");
        var bytes = File.ReadAllBytes(path);
        Document document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(bytes, Json) ?? throw new ImportException(path, 1, "The file holds null.");
        }
        catch (JsonException e)
        {
            throw new ImportException(path, (e.LineNumber ?? 0) + 1, $"Not valid Popolo JSON: {e.Message}");
        }
        var lines = ItemLines(bytes);
        Origin At(string array, int index) => new(path, lines.GetValueOrDefault((array, index), 1));
        var plan = new DirectoryPlan();
        foreach (var area in document.Areas ?? [])
            plan.Countries.Add(new CountryRecorded(area.Id, area.Name, area.OtherNames?.FirstOrDefault(n => n.Lang == "ru")?.Name ?? area.Name));
        var orgs = (document.Organizations ?? []).Select((o, i) => (o, i)).ToList();
        // Parents before children, so each institution's parent exists when it is written.
        var placed = new HashSet<string>();
        while (placed.Count < orgs.Count)
        {
            var ready = orgs.Where(x => !placed.Contains(x.o.Id) && (x.o.ParentId is null || placed.Contains(x.o.ParentId) || orgs.All(y => y.o.Id != x.o.ParentId))).ToList();
            if (ready.Count == 0)
                throw At("organizations", orgs.First(x => !placed.Contains(x.o.Id)).i).Fault("The organizations' parent_id links form a cycle.");
            foreach (var (o, i) in ready)
            {
                var kind = Enum.GetValues<InstitutionKind>().Cast<InstitutionKind?>().FirstOrDefault(k => Classification(k!.Value) == o.Classification)
                    ?? throw At("organizations", i).Fault($"classification: unknown value '{o.Classification}'.");
                plan.Institutions.Add(new PlannedInstitution(IdOf(o.Id), new InstitutionInput(kind, o.AreaId, o.ParentId is null ? null : IdOf(o.ParentId),
                    NamesIn(o.Name, o.OtherNames), IdsIn(o.Identifiers)), At("organizations", i)));
                placed.Add(o.Id);
            }
        }
        foreach (var (p, i) in (document.Persons ?? []).Select((p, i) => (p, i)))
        {
            var birth = Date(p.BirthDate, "birth_date", At("persons", i));
            plan.People.Add(new PlannedPerson(IdOf(p.Id), new PersonInput(p.SortName, NamesIn(p.Name, p.OtherNames), IdsIn(p.Identifiers), birth, p.Gender), At("persons", i)));
        }
        foreach (var (m, i) in (document.Memberships ?? []).Select((m, i) => (m, i)))
        {
            var origin = At("memberships", i);
            var input = new MembershipInput(Guid.Empty, IdOf(m.OrganizationId), m.Role, m.OnBehalfOf, m.AreaLabel, m.Note,
                Date(m.StartDate, "start_date", origin), Date(m.EndDate, "end_date", origin), m.Source ?? "popolo");
            plan.Memberships.Add(new PlannedMembership(IdOf(m.Id), new Identifier(PlanWriter.OwnIdScheme, IdOf(m.PersonId).ToString()), m.PersonId, input, origin));
        }
        return plan;
    }

    private static Guid IdOf(string id) => Guid.TryParse(id, out var guid) ? guid : StableId.For("popolo", id);

    private static DateOnly? Date(string? text, string field, Origin origin) => text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d) ? d : throw origin.Fault($"{field}: '{text}' is not a date like 2018-08-08.");

    private static string Classification(InstitutionKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private static List<OtherName> Names(List<NameForm> names) =>
        names.Select(n => new OtherName(n.Value, n.Lang, JsonNamingPolicy.SnakeCaseLower.ConvertName(n.Kind.ToString()))).ToList();

    private static List<PopoloIdentifier> Ids(List<ExternalId> ids) => ids.Select(x => new PopoloIdentifier(x.Scheme, x.Value)).ToList();

    private static List<NameEntry> NamesIn(string name, IReadOnlyList<OtherName>? others)
    {
        var result = (others ?? []).Select(n => new NameEntry(n.Name, n.Lang ?? "en",
            Enum.TryParse<NameKind>(n.Note?.Replace("_", "", StringComparison.Ordinal), true, out var k) ? k : NameKind.Alternate)).ToList();
        if (!result.Any(n => n.Value == name))
            result.Insert(0, new NameEntry(name, "en"));
        return result;
    }

    private static List<Identifier> IdsIn(IReadOnlyList<PopoloIdentifier>? ids) =>
        (ids ?? []).Select(x => new Identifier(x.Scheme, x.Identifier)).Distinct().ToList();

    /// <summary>The line on which each item of each top-level array starts.</summary>
    private static Dictionary<(string, int), long> ItemLines(byte[] bytes)
    {
        var result = new Dictionary<(string, int), long>();
        var reader = new Utf8JsonReader(bytes);
        string? array = null;
        var index = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                (array, index) = (reader.GetString(), 0);
            else if (reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject && array is not null)
                result[(array, index++)] = 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
        }
        return result;
    }
}
