using YamlDotNet.RepresentationModel;

namespace Parley.Directory;

/// <summary>legislators-current.yaml, executive.yaml and legislators-social-media.yaml.</summary>
internal static class Legislators
{
    public static void Read(DirectoryPlan plan, YamlFile file, params string[] termTypes)
    {
        foreach (var node in file.Sequence(file.Root))
        {
            var entry = file.Mapping(node);
            var ids = file.Mapping(YamlFile.Child(entry, "id") ?? throw file.Fault(entry, "'id' is missing."));
            var identifiers = Identifiers(file, ids);
            var key = identifiers.FirstOrDefault(i => i.Scheme == "bioguide") ?? identifiers.FirstOrDefault(i => i.Scheme == "wikidata")
                ?? identifiers.FirstOrDefault() ?? throw file.Fault(ids, "The person has no identifier.");
            var name = file.Mapping(YamlFile.Child(entry, "name") ?? throw file.Fault(entry, "'name' is missing."));
            var first = file.Text(name, "first");
            var last = file.Required(name, "last");
            var plain = string.Join(' ', new[] { first, file.Text(name, "middle"), last, file.Text(name, "suffix") }.OfType<string>());
            var official = file.Text(name, "official_full") ?? plain;
            var names = new List<NameEntry> { new(official, "en") };
            if (plain != official)
                names.Add(new NameEntry(plain, "en", NameKind.Alternate));
            if (file.Text(name, "nickname") is { } nick && $"{nick} {last}" is var nickName && nickName != official)
                names.Add(new NameEntry(nickName, "en", NameKind.Alternate));
            var bio = YamlFile.Child(entry, "bio") as YamlMappingNode;
            var person = new PersonInput(first is null ? last : $"{last}, {first}", names, identifiers,
                bio is null ? null : file.Date(bio, "birthday"), bio is null ? null : file.Text(bio, "gender"));
            var origin = new Origin(file.Path, entry.Start.Line);
            plan.People.Add(new PlannedPerson(KnownInstitutions.Person(key.Scheme, key.Value), person, origin));
            if (YamlFile.Child(entry, "terms") is { } terms)
                ReadTerms(plan, file, file.Sequence(terms), key, official, termTypes);
        }
    }

    private static void ReadTerms(DirectoryPlan plan, YamlFile file, YamlSequenceNode terms, Identifier person, string label, string[] types)
    {
        foreach (var node in terms)
        {
            var term = file.Mapping(node);
            var type = file.Required(term, "type");
            if (!types.Contains(type))
                throw file.Fault(term, $"Unexpected term type '{type}' (expected {string.Join(" or ", types)}).");
            var (institution, role) = type switch
            {
                "sen" => (KnownInstitutions.UsSenate, "Senator"),
                "rep" => (KnownInstitutions.UsHouse, "Representative"),
                "prez" => (KnownInstitutions.UsPresident, "President of the United States"),
                _ => (KnownInstitutions.UsVicePresident, "Vice President of the United States"),
            };
            var start = file.Date(term, "start") ?? throw file.Fault(term, "'start' is missing.");
            var state = file.Text(term, "state");
            var area = file.Text(term, "district") is { } district ? $"{state}-{district}" : state;
            var note = file.Text(term, "class") is { } cls ? $"class {cls}" : file.Text(term, "how");
            var input = new MembershipInput(Guid.Empty, institution, role, file.Text(term, "party"), area, note, start,
                file.Date(term, "end"), CongressFiles.Source);
            var id = KnownInstitutions.Person("term", $"{person.Scheme}:{person.Value}/{type}/{start:yyyy-MM-dd}");
            plan.Memberships.Add(new PlannedMembership(id, person, label, input, new Origin(file.Path, term.Start.Line)));
        }
    }

    private static List<Identifier> Identifiers(YamlFile file, YamlMappingNode ids)
    {
        var result = new List<Identifier>();
        foreach (var (keyNode, value) in ids.Children)
        {
            var scheme = CongressFiles.Scalar(keyNode);
            var values = value is YamlSequenceNode list ? list.Children.Select(CongressFiles.Scalar) : [CongressFiles.Scalar(value)];
            foreach (var v in values.Where(v => v.Length > 0))
            {
                if (v.Length > Record.Limits.Name)
                    throw file.Fault(value, $"The identifier {scheme} is longer than {Record.Limits.Name} characters.");
                var identifier = new Identifier(scheme, v);
                if (!result.Contains(identifier))
                    result.Add(identifier);
            }
        }
        return result;
    }

    public static void ReadSocial(DirectoryPlan plan, YamlFile file)
    {
        var byBioguide = plan.People.ToDictionary(p => p.Input.Identifiers!.FirstOrDefault(i => i.Scheme == "bioguide")?.Value ?? p.Id.ToString());
        foreach (var node in file.Sequence(file.Root))
        {
            var entry = file.Mapping(node);
            var ids = file.Mapping(YamlFile.Child(entry, "id") ?? throw file.Fault(entry, "'id' is missing."));
            var bioguide = file.Required(ids, "bioguide");
            if (!byBioguide.TryGetValue(bioguide, out var person) || YamlFile.Child(entry, "social") is not YamlMappingNode social)
                continue;
            var extra = social.Children.Select(p => new Identifier(CongressFiles.Scalar(p.Key), CongressFiles.Scalar(p.Value)))
                .Where(i => i.Value.Length > 0 && !person.Input.Identifiers!.Contains(i));
            var index = plan.People.IndexOf(person);
            plan.People[index] = person with { Input = person.Input with { Identifiers = [.. person.Input.Identifiers!, .. extra] } };
        }
    }
}
