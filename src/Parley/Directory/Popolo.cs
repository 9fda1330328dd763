using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

/// <summary>
/// The directory as Popolo JSON (persons, organizations, memberships, posts; countries as areas). An import keeps every
/// field the Popolo specification defines — what the directory has a column for in it, the rest (contact details,
/// links, sources, given and family names, partial dates, posts…) as the record's <see cref="Details"/> — takes the
/// publisher's ids as identifiers, and reports what it could not place.
/// </summary>
public static class Popolo
{
    public sealed record OtherName(string Name, string? Lang, string? Note)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? More { get; set; }
    }

    public sealed record PopoloIdentifier(string Scheme, string Identifier);

    public sealed record Area(string Id, string Name, string? Classification, IReadOnlyList<OtherName>? OtherNames)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? More { get; set; }
    }

    public sealed record PopoloPerson(string Id, string Name, string? SortName, IReadOnlyList<OtherName>? OtherNames,
        IReadOnlyList<PopoloIdentifier>? Identifiers, string? BirthDate, string? Gender)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? More { get; set; }
    }

    public sealed record Organization(string Id, string Name, string? Classification, string? ParentId, string? AreaId,
        IReadOnlyList<OtherName>? OtherNames, IReadOnlyList<PopoloIdentifier>? Identifiers)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? More { get; set; }
    }

    public sealed record PopoloMembership(string Id, string PersonId, string? OrganizationId, string? Role, string? OnBehalfOf,
        string? AreaLabel, string? Note, string? StartDate, string? EndDate, string? Source)
    {
        [JsonExtensionData] public Dictionary<string, JsonElement>? More { get; set; }
    }

    public sealed record Document(IReadOnlyList<Area>? Areas, IReadOnlyList<PopoloPerson>? Persons,
        IReadOnlyList<Organization>? Organizations, IReadOnlyList<PopoloMembership>? Memberships)
    {
        /// <summary>Posts are kept with their organization and written back here.</summary>
        public IReadOnlyList<JsonObject>? Posts { get; init; }

        [JsonExtensionData] public Dictionary<string, JsonElement>? More { get; set; }
    }

    // The fields of each Popolo class (popolo-spec schemas) beyond those the records above read into the directory's columns.
    private static readonly HashSet<string> PersonFields =
    [
        "family_name", "given_name", "additional_name", "honorific_prefix", "honorific_suffix", "patronymic_name", "email",
        "death_date", "image", "summary", "biography", "national_identity", "created_at", "updated_at",
    ];

    private static readonly HashSet<string> OrganizationFields =
        ["abstract", "description", "founding_date", "dissolution_date", "image", "created_at", "updated_at"];

    private static readonly HashSet<string> MembershipFields =
        ["label", "post_id", "on_behalf_of_id", "area_id", "created_at", "updated_at"];

    private static readonly HashSet<string> Listed = ["contact_details", "links", "sources"];

    private static readonly HashSet<string> OtherNameFields =
        ["family_name", "given_name", "additional_name", "honorific_prefix", "honorific_suffix", "patronymic_name", "start_date", "end_date"];

    /// <summary>Classifications other publishers use for the directory's kinds.</summary>
    private static readonly Dictionary<string, InstitutionKind> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["political party"] = InstitutionKind.Party,
        ["political_party"] = InstitutionKind.Party,
        ["parliamentary group"] = InstitutionKind.Party,
        ["house"] = InstitutionKind.Chamber,
        ["lower house"] = InstitutionKind.Chamber,
        ["upper house"] = InstitutionKind.Chamber,
        ["parliament"] = InstitutionKind.Legislature,
        ["ministry"] = InstitutionKind.Ministry,
        ["department"] = InstitutionKind.Ministry,
        ["embassy"] = InstitutionKind.Embassy,
    };

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
        var details = (await db.RecordDetails.AsNoTracking().ToListAsync(ct)).ToDictionary(d => (d.Of, d.Id), d => Details.Parse(d.Json));
        Details Of(DetailsOf of, Guid id) => details.GetValueOrDefault((of, id)) ?? Details.None;

        var posts = new List<JsonObject>();
        var organizations = orgs.Select(i =>
        {
            var d = Of(DetailsOf.Institution, i.Id);
            // Posts travel at the top level, each naming its organization.
            if (d.Fields["posts"] is JsonArray held)
            {
                foreach (var post in held.OfType<JsonObject>())
                {
                    var copy = (JsonObject)post.DeepClone();
                    copy["organization_id"] = i.Id.ToString();
                    posts.Add(copy);
                }
            }
            var classification = d.Fields["classification"]?.GetValue<string>() ?? Classification(i.Kind);
            return new Organization(i.Id.ToString(), i.Name, classification, i.ParentId?.ToString(), i.CountryCode, Names(i.Names, d), Ids(i.Identifiers))
            {
                More = More(d, "posts", "classification"),
            };
        }).ToList();
        return new Document(
            areas.Select(c => new Area(c.Code, c.NameEn, "country", [new OtherName(c.NameRu, "ru", null)])).ToList(),
            people.Select(p =>
            {
                var d = Of(DetailsOf.Person, p.Id);
                return new PopoloPerson(p.Id.ToString(), p.Name, p.SortName, Names(p.Names, d), Ids(p.Identifiers),
                    d.Fields.ContainsKey("birth_date") ? null : p.BirthDate?.ToString("yyyy-MM-dd"), p.Gender)
                { More = More(d) };
            }).ToList(),
            organizations,
            memberships.Select(m =>
            {
                var d = Of(DetailsOf.Membership, m.Id);
                return new PopoloMembership(m.Id.ToString(), m.PersonId.ToString(), m.InstitutionId.ToString(), m.Role,
                    m.Party, m.Area, m.Note,
                    d.Fields.ContainsKey("start_date") ? null : m.Start?.ToString("yyyy-MM-dd"),
                    d.Fields.ContainsKey("end_date") ? null : m.End?.ToString("yyyy-MM-dd"), m.Source)
                { More = More(d, "organization_id") };
            }).ToList())
        {
            Posts = posts.Count == 0 ? null : posts,
        };
    }

    public static async Task WriteAsync(Document document, Stream output, CancellationToken ct) =>
        await JsonSerializer.SerializeAsync(output, document, Json, ct);

    /// <summary>
    /// Reads a Popolo file into a plan; a fault names the file and line. Ids that are not Parley's own (GUIDs) become
    /// identifiers of <paramref name="scheme"/>, and the records' ids are derived from them, so a second import of the
    /// same file changes nothing.
    /// </summary>
    public static DirectoryPlan Read(string path, string scheme = "popolo")
    {
        if (!File.Exists(path))
            throw new ImportException(path, 0, "No such file.");
        if (scheme is not { Length: > 0 and <= 40 } || scheme.Any(char.IsWhiteSpace))
            throw new ImportException(path, 0, $"--scheme: '{scheme}' is not a scheme name (1 to 40 characters, no spaces, e.g. everypolitician).");
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
        var plan = new DirectoryPlan { MatchingScheme = scheme };
        Guid IdOf(string id) => Guid.TryParse(id, out var guid) ? guid : StableId.For(scheme, id);
        List<Identifier> SourceId(string id) => Guid.TryParse(id, out _) ? [] : [new Identifier(scheme, id)];

        foreach (var name in (document.More ?? []).Keys)
            plan.NotPlaced.Add($"{path}: the top-level \"{name}\" ({Count(document.More![name])}) is not a directory's: not imported.");

        // Countries are areas of two letters classified as such; any other area (a constituency) names memberships in it.
        var areaNames = new Dictionary<string, string>();
        foreach (var (area, i) in (document.Areas ?? []).Select((a, i) => (a, i)))
        {
            areaNames[area.Id] = area.Name;
            if (area.Id.Length == 2 && area.Classification is null or "country")
                plan.Countries.Add(new CountryRecorded(area.Id, area.Name, area.OtherNames?.FirstOrDefault(n => n.Lang == "ru")?.Name ?? area.Name));
            else
                plan.NotPlaced.Add($"{At("areas", i).Describe()}: area \"{area.Name}\" ({area.Classification ?? "no classification"}) is not a country: kept only as the area named by memberships in it.");
        }

        var orgs = (document.Organizations ?? []).Select((o, i) => (o, i)).ToList();
        var orgIds = orgs.Select(x => x.o.Id).ToHashSet();
        var orgNames = orgs.ToDictionary(x => x.o.Id, x => x.o.Name);
        var posts = new Dictionary<string, (JsonObject Post, int Index)>();
        foreach (var (post, i) in (document.Posts ?? []).Select((p, i) => (p, i)))
        {
            if (post["id"]?.GetValue<string>() is not { } id || post["organization_id"]?.GetValue<string>() is not { } org || !orgIds.Contains(org))
                plan.NotPlaced.Add($"{At("posts", i).Describe()}: a post needs an id and an organization_id of an organization in the file: not imported.");
            else
                posts[id] = (post, i);
        }
        // Parents before children, so each institution's parent exists when it is written.
        var placed = new HashSet<string>();
        while (placed.Count < orgs.Count)
        {
            var ready = orgs.Where(x => !placed.Contains(x.o.Id) && (x.o.ParentId is null || placed.Contains(x.o.ParentId) || !orgIds.Contains(x.o.ParentId))).ToList();
            if (ready.Count == 0)
                throw At("organizations", orgs.First(x => !placed.Contains(x.o.Id)).i).Fault("The organizations' parent_id links form a cycle.");
            foreach (var (o, i) in ready)
            {
                var origin = At("organizations", i);
                var details = Read(o.More, OrganizationFields, origin, $"organization \"{o.Name}\"", plan);
                var kind = KindOf(o.Classification);
                if (kind is null)
                {
                    kind = InstitutionKind.Other;
                    details.Fields["classification"] = o.Classification;
                    plan.NotPlaced.Add($"{origin.Describe()}: organization \"{o.Name}\": classification \"{o.Classification}\" is no kind of the directory's: recorded as other, the classification kept.");
                }
                var country = o.AreaId is { Length: 2 } code && plan.Countries.Any(c => c.Code == code) ? code : null;
                if (o.AreaId is not null && country is null)
                    details.Fields["area_id"] = o.AreaId;
                var held = new JsonArray(posts.Values.Where(p => p.Post["organization_id"]!.GetValue<string>() == o.Id).OrderBy(p => p.Index)
                    .Select(p => (JsonNode)Without((JsonObject)p.Post.DeepClone(), "organization_id")).ToArray());
                if (held.Count > 0)
                    details.Fields["posts"] = held;
                OtherNameFieldsInto(o.OtherNames, details);
                plan.Institutions.Add(new PlannedInstitution(IdOf(o.Id), new InstitutionInput(kind, country, o.ParentId is null ? null : IdOf(o.ParentId),
                    NamesIn(o.Name, o.OtherNames), [.. IdsIn(o.Identifiers), .. SourceId(o.Id)]), origin, Finished(details)));
                placed.Add(o.Id);
            }
        }

        var personIds = new HashSet<string>();
        foreach (var (p, i) in (document.Persons ?? []).Select((p, i) => (p, i)))
        {
            var origin = At("persons", i);
            var details = Read(p.More, PersonFields, origin, $"person \"{p.Name}\"", plan);
            DateOnly? birth = null;
            if (p.BirthDate is { } born)
            {
                if (PartialDate(born, "birth_date", origin) is { Length: 10 })
                    birth = DateOnly.ParseExact(born, "yyyy-MM-dd");
                else
                    details.Fields["birth_date"] = born;
            }
            OtherNameFieldsInto(p.OtherNames, details);
            personIds.Add(p.Id);
            plan.People.Add(new PlannedPerson(IdOf(p.Id), new PersonInput(p.SortName, NamesIn(p.Name, p.OtherNames), [.. IdsIn(p.Identifiers), .. SourceId(p.Id)], birth, p.Gender),
                origin, Finished(details)));
        }

        foreach (var (m, i) in (document.Memberships ?? []).Select((m, i) => (m, i)))
        {
            var origin = At("memberships", i);
            var details = Read(m.More, MembershipFields, origin, $"membership {m.Id}", plan);
            var post = details.Fields["post_id"]?.GetValue<string>() is { } postId ? posts.GetValueOrDefault(postId).Post : null;
            if (details.Fields["post_id"] is not null && post is null)
                plan.NotPlaced.Add($"{origin.Describe()}: membership {m.Id}: post_id \"{details.Fields["post_id"]}\" names no post in the file: kept as the post's id only.");
            var organization = m.OrganizationId ?? post?["organization_id"]?.GetValue<string>();
            if (organization is null || (!orgIds.Contains(organization) && !Guid.TryParse(organization, out _)) || !personIds.Contains(m.PersonId) && !Guid.TryParse(m.PersonId, out _))
            {
                plan.NotPlaced.Add($"{origin.Describe()}: membership {m.Id}: its person \"{m.PersonId}\" or organization \"{organization ?? "(none)"}\" is not in the file: not imported.");
                continue;
            }
            // A post gives the role and the area; whom it is held for gives the party.
            var party = m.OnBehalfOf ?? (details.Fields["on_behalf_of_id"]?.GetValue<string>() is { } behalf ? orgNames.GetValueOrDefault(behalf) : null);
            var areaId = details.Fields["area_id"]?.GetValue<string>() ?? post?["area_id"]?.GetValue<string>();
            var area = m.AreaLabel ?? (areaId is null ? null : areaNames.GetValueOrDefault(areaId));
            var role = m.Role ?? post?["role"]?.GetValue<string>() ?? post?["label"]?.GetValue<string>() ?? details.Fields["label"]?.GetValue<string>() ?? "member";
            var start = MembershipDate(m.StartDate, "start_date", origin, details, first: true);
            var end = MembershipDate(m.EndDate, "end_date", origin, details, first: false);
            var input = new MembershipInput(Guid.Empty, IdOf(organization), role, party, area, m.Note, start, end, m.Source ?? "popolo");
            var person = Guid.TryParse(m.PersonId, out var own) ? new Identifier(PlanWriter.OwnIdScheme, own.ToString()) : new Identifier(scheme, m.PersonId);
            plan.Memberships.Add(new PlannedMembership(IdOf(m.Id), person, m.PersonId, input, origin, Finished(details)));
        }
        return plan;
    }

    private static InstitutionKind? KindOf(string? classification) =>
        classification is null ? InstitutionKind.Other
        : Enum.GetValues<InstitutionKind>().Cast<InstitutionKind?>().FirstOrDefault(k => Classification(k!.Value) == classification)
            ?? (Synonyms.TryGetValue(classification, out var kind) ? kind : null);

    /// <summary>A record's details from the fields the directory has no column for; fields the specification does not define are reported.</summary>
    private static Details Read(Dictionary<string, JsonElement>? more, HashSet<string> defined, Origin origin, string what, DirectoryPlan plan)
    {
        var fields = new JsonObject();
        List<ContactDetail> contacts = [];
        List<WebLink> links = [], sources = [];
        foreach (var (name, value) in more ?? [])
        {
            try
            {
                switch (name)
                {
                    case "contact_details":
                        contacts = value.Deserialize<List<ContactDetail>>(Json) ?? [];
                        break;
                    case "links":
                        links = value.Deserialize<List<WebLink>>(Json) ?? [];
                        break;
                    case "sources":
                        sources = value.Deserialize<List<WebLink>>(Json) ?? [];
                        break;
                    case var _ when defined.Contains(name):
                        fields[name] = JsonNode.Parse(value.GetRawText());
                        break;
                    default:
                        plan.NotPlaced.Add($"{origin.Describe()}: {what}: \"{name}\" is not a field of Popolo's: not imported.");
                        break;
                }
            }
            catch (JsonException e)
            {
                throw origin.Fault($"{name}: {e.Message.Split(" Path:", 2)[0]}");
            }
        }
        if (contacts.Any(c => string.IsNullOrWhiteSpace(c.Type) || string.IsNullOrWhiteSpace(c.Value)))
            throw origin.Fault("contact_details: each needs a type and a value.");
        if (links.Concat(sources).Any(l => string.IsNullOrWhiteSpace(l.Url)))
            throw origin.Fault("links and sources: each needs a url.");
        return new Details(contacts, links, sources, fields);
    }

    private static Details Finished(Details details) => details with { Fields = Details.Sorted(details.Fields) };

    /// <summary>Other names' spec-defined fields (given and family names, dates) the name forms have no place for, kept as given.</summary>
    private static void OtherNameFieldsInto(IReadOnlyList<OtherName>? names, Details details)
    {
        var kept = new JsonArray();
        foreach (var name in names ?? [])
        {
            var extra = (name.More ?? []).Where(f => OtherNameFields.Contains(f.Key)).ToList();
            if (extra.Count == 0)
                continue;
            var entry = new JsonObject { ["name"] = name.Name };
            foreach (var (field, value) in extra)
                entry[field] = JsonNode.Parse(value.GetRawText());
            kept.Add(entry);
        }
        if (kept.Count > 0)
            details.Fields["other_names"] = kept;
    }

    /// <summary>A date as Popolo allows it (YYYY, YYYY-MM or YYYY-MM-DD), returned as given.</summary>
    private static string PartialDate(string text, string field, Origin origin)
    {
        var ok = text.Length switch
        {
            4 => int.TryParse(text, out _),
            7 => DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", out _),
            10 => DateOnly.TryParseExact(text, "yyyy-MM-dd", out _),
            _ => false,
        };
        return ok ? text : throw origin.Fault($"{field}: '{text}' is not a date like 2018-08-08 (or 2018-08, or 2018).");
    }

    /// <summary>
    /// A membership's day: a partial date is widened to the first (start) or last (end) day it covers, so "post on the
    /// day" reads right, and kept as given in the details, so an export writes it back unchanged.
    /// </summary>
    private static DateOnly? MembershipDate(string? text, string field, Origin origin, Details details, bool first)
    {
        if (text is null)
            return null;
        var given = PartialDate(text, field, origin);
        if (given.Length == 10)
            return DateOnly.ParseExact(given, "yyyy-MM-dd");
        details.Fields[field] = given;
        var start = DateOnly.ParseExact(given.Length == 4 ? given + "-01-01" : given + "-01", "yyyy-MM-dd");
        return first ? start : (given.Length == 4 ? start.AddYears(1) : start.AddMonths(1)).AddDays(-1);
    }

    private static Dictionary<string, JsonElement>? More(Details details, params string[] leaveOut)
    {
        var more = new Dictionary<string, JsonElement>();
        if (details.ContactDetails.Count > 0)
            more["contact_details"] = JsonSerializer.SerializeToElement(details.ContactDetails, Json);
        if (details.Links.Count > 0)
            more["links"] = JsonSerializer.SerializeToElement(details.Links, Json);
        if (details.Sources.Count > 0)
            more["sources"] = JsonSerializer.SerializeToElement(details.Sources, Json);
        foreach (var (name, value) in details.Fields)
        {
            if (!leaveOut.Contains(name) && name != "other_names")
                more[name] = JsonSerializer.SerializeToElement(value, Json);
        }
        return more.Count == 0 ? null : more;
    }

    private static JsonObject Without(JsonObject node, string name)
    {
        node.Remove(name);
        return node;
    }

    private static string Count(JsonElement value) => value.ValueKind == JsonValueKind.Array ? $"{value.GetArrayLength():N0} items" : value.ValueKind.ToString().ToLowerInvariant();

    private static string Classification(InstitutionKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    /// <summary>The name forms as other_names, each with the spec's fields the import kept for it.</summary>
    private static List<OtherName> Names(List<NameForm> names, Details details)
    {
        var kept = (details.Fields["other_names"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return names.Select(n =>
        {
            var name = new OtherName(n.Value, n.Lang, JsonNamingPolicy.SnakeCaseLower.ConvertName(n.Kind.ToString()));
            if (kept.FirstOrDefault(k => k["name"]?.GetValue<string>() == n.Value) is { } extra)
                name.More = extra.Where(f => f.Key != "name").ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value, Json));
            return name;
        }).ToList();
    }

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
