using YamlDotNet.RepresentationModel;

namespace Parley.Directory;

/// <summary>committees-current.yaml and committee-membership-current.yaml (current, or a dated snapshot).</summary>
internal static class Committees
{
    public static void Read(DirectoryPlan plan, YamlFile file)
    {
        foreach (var node in file.Sequence(file.Root))
        {
            var entry = file.Mapping(node);
            var thomas = file.Required(entry, "thomas_id");
            var parent = file.Required(entry, "type") switch
            {
                "senate" => KnownInstitutions.UsSenate,
                "house" => KnownInstitutions.UsHouse,
                "joint" => KnownInstitutions.UsCongress,
                var other => throw file.Fault(entry, $"Unknown committee type '{other}' (expected senate, house or joint)."),
            };
            var id = KnownInstitutions.Committee(thomas);
            Add(plan, file, entry, id, parent, InstitutionKind.Committee, file.Required(entry, "name"), thomas);
            if (YamlFile.Child(entry, "subcommittees") is not { } subs)
                continue;
            foreach (var subNode in file.Sequence(subs))
            {
                var sub = file.Mapping(subNode);
                var code = thomas + file.Required(sub, "thomas_id");
                var name = file.Required(sub, "name");
                if (!name.StartsWith("Subcommittee", StringComparison.OrdinalIgnoreCase))
                    name = "Subcommittee on " + name;
                Add(plan, file, sub, KnownInstitutions.Committee(code), id, InstitutionKind.Subcommittee, name, code);
            }
        }
    }

    private static void Add(DirectoryPlan plan, YamlFile file, YamlMappingNode node, Guid id, Guid parent, InstitutionKind kind, string name, string thomas)
    {
        if (plan.Institutions.Any(i => i.Id == id))
            return;
        var identifiers = new List<Identifier> { new("thomas", thomas) };
        if (file.Text(node, "wikipedia") is { } wikipedia)
            identifiers.Add(new Identifier("wikipedia", wikipedia));
        plan.Institutions.Add(new PlannedInstitution(id, new InstitutionInput(kind, "US", parent, [new NameEntry(name, "en")], identifiers),
            new Origin(file.Path, node.Start.Line)));
    }

    public static void ReadMemberships(DirectoryPlan plan, YamlFile file, DateOnly? asOf, Lazy<Dictionary<string, PlannedPerson>> historical)
    {
        var known = plan.People.SelectMany(p => p.Input.Identifiers ?? []).Where(i => i.Scheme == "bioguide").Select(i => i.Value).ToHashSet();
        var source = asOf is { } date ? $"{CongressFiles.Source} snapshot {date:yyyy-MM-dd}" : $"{CongressFiles.Source} current";
        foreach (var (keyNode, listNode) in file.Mapping(file.Root).Children)
        {
            var code = CongressFiles.Scalar(keyNode);
            var institution = KnownInstitutions.Committee(code);
            if (!plan.Institutions.Any(i => i.Id == institution))
                throw file.Fault(keyNode, $"The committee '{code}' is not in committees-current.yaml.");
            foreach (var node in file.Sequence(listNode))
            {
                var entry = file.Mapping(node);
                var bioguide = file.Required(entry, "bioguide");
                var name = file.Text(entry, "name") ?? bioguide;
                if (!known.Contains(bioguide) && historical.Value.TryGetValue(bioguide, out var past))
                {
                    plan.People.Add(past);
                    known.Add(bioguide);
                }
                var title = file.Text(entry, "title") ?? "Member";
                var side = file.Text(entry, "party");
                var rank = file.Text(entry, "rank");
                var note = string.Join(", ", new[] { side is null ? null : $"{side} side", rank is null ? null : $"rank {rank}" }.OfType<string>());
                var input = new MembershipInput(Guid.Empty, institution, title, null, null, note.Length == 0 ? null : note, asOf, asOf, source);
                var id = KnownInstitutions.Person("committee-membership", $"{code}/{bioguide}/{title}/{asOf?.ToString("yyyy-MM-dd") ?? "current"}");
                plan.Memberships.Add(new PlannedMembership(id, new Identifier("bioguide", bioguide), name, input, new Origin(file.Path, entry.Start.Line)));
            }
        }
    }
}
