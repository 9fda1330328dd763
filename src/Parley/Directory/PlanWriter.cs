using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

/// <summary>
/// Writes a plan inside one write scope: each record is merged with what is stored (names and identifiers
/// are united, never dropped), and only real changes become events, so a second run records nothing.
/// </summary>
public static class PlanWriter
{
    /// <summary>A planned membership may name its person by Parley's own id with this scheme.</summary>
    public const string OwnIdScheme = "parley";

    // Only identifiers that name exactly one person match people across sources; shared web handles
    // or page titles in the source data once merged two senators.
    private static readonly HashSet<string> MatchingSchemes = [OwnIdScheme, "bioguide", "wikidata", "govtrack"];

    private const int FlushEvery = 1000;

    public static async Task<ImportSummary> WriteAsync(WriteScope scope, DirectoryPlan plan, IProgress<string>? progress, CancellationToken ct)
    {
        var db = scope.Db;
        var (done, changed) = (0, 0);
        // One record of the plan: its change, then its details' change; the record counts once if either changed.
        async Task Step(IEvent? change, Func<Task<bool>>? details = null)
        {
            var changes = change is not null;
            if (change is not null)
                await scope.RecordAsync(change, ct);
            if (details is not null && await details())
                changes = true;
            if (changes && ++changed % FlushEvery == 0)
                await scope.FlushAsync(ct);
            if (++done % 500 == 0 || done == plan.Count)
                progress?.Report($"{done:N0} of {plan.Count:N0} records checked, {changed:N0} changed");
        }

        var countries = await db.Countries.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        foreach (var country in plan.Countries)
            await Step(countries.TryGetValue(country.Code, out var c) && c.NameEn == country.NameEn && c.NameRu == country.NameRu ? null : country);

        var details = await db.RecordDetails.AsNoTracking().ToDictionaryAsync(d => (d.Of, d.Id), d => d.Json, ct);
        // A record's details follow it in the same step: the change only when they differ from what is stored.
        async Task<bool> DetailsStep(DetailsOf of, Guid id, Guid? person, Details? incoming)
        {
            if (incoming is null)
                return false;
            var stored = details.GetValueOrDefault((of, id));
            var merged = Details.Merge(incoming, Details.Parse(stored));
            var json = Details.Serialize(merged);
            if (json == stored || (stored is null && merged.IsEmpty))
                return false;
            details[(of, id)] = json;
            await scope.RecordAsync(merged.Recorded(of, id, person), ct);
            return true;
        }

        var institutions = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, ct);
        foreach (var planned in plan.Institutions)
        {
            await Step(DecideInstitution(planned, institutions), () => DetailsStep(DetailsOf.Institution, planned.Id, null, planned.Details));
        }

        var people = new PersonIndex(await db.People.AsNoTracking().ToListAsync(ct), plan.MatchingScheme);
        var combined = Combine(plan.People);
        foreach (var planned in combined)
        {
            var (id, change) = DecidePerson(planned, people);
            await Step(change, () => DetailsStep(DetailsOf.Person, id, null, planned.Details));
        }
        done += plan.People.Count - combined.Count;

        var memberships = await db.Memberships.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        foreach (var planned in plan.Memberships)
        {
            var personId = people.Find(planned.Person)
                ?? throw planned.Origin.Fault($"The membership names an unknown person: {planned.Person.Scheme}:{planned.Person.Value} ({planned.PersonLabel}).");
            if (!institutions.ContainsKey(planned.Input.InstitutionId))
                throw planned.Origin.Fault($"The membership names an unknown institution {planned.Input.InstitutionId}.");
            var input = planned.Input with { PersonId = personId };
            if (RecordMembership.Validate(input) is { } error)
                throw planned.Origin.Fault($"{error.Field}: {error.Message}");
            await Step(RecordMembership.Decide(planned.Id, memberships.GetValueOrDefault(planned.Id), input),
                () => DetailsStep(DetailsOf.Membership, planned.Id, personId, planned.Details));
        }
        await scope.FlushAsync(ct);
        return new ImportSummary(plan.Count, changed);
    }

    private static InstitutionRecorded? DecideInstitution(PlannedInstitution planned, Dictionary<Guid, Institution> known)
    {
        var current = known.GetValueOrDefault(planned.Id);
        var input = planned.Input;
        if (current is not null)
            input = input with { Names = Merge.Names(input.Names!, current.Names), Identifiers = Merge.Identifiers(input.Identifiers!, current.Identifiers) };
        if (RecordInstitution.Validate(input) is { } error)
            throw planned.Origin.Fault($"{error.Field}: {error.Message}");
        if (input.ParentId is { } parent && !known.ContainsKey(parent))
            throw planned.Origin.Fault($"The parent institution {parent} is not in the directory.");
        var change = RecordInstitution.Decide(planned.Id, current, input);
        if (change is not null)
            known[planned.Id] = new Institution { Id = planned.Id, Name = NameRules.Display(change.Names, "en"), Names = NameRules.ToForms(change.Names), Identifiers = Merge.ToIds(change.Identifiers) };
        return change;
    }

    /// <summary>One planned person per id (a president who was a senator is in two files), first file's names first.</summary>
    private static List<PlannedPerson> Combine(List<PlannedPerson> people) =>
        people.GroupBy(p => p.Id).Select(g => g.Skip(1).Aggregate(g.First(), (a, b) => a with
        {
            Input = a.Input with
            {
                Names = Merge.Names(a.Input.Names ?? [], NameRules.ToForms(b.Input.Names ?? [])),
                Identifiers = Merge.Identifiers(a.Input.Identifiers ?? [], Merge.ToIds(b.Input.Identifiers ?? [])),
                BirthDate = a.Input.BirthDate ?? b.Input.BirthDate,
                Gender = a.Input.Gender ?? b.Input.Gender,
            },
        })).ToList();

    private static (Guid Id, PersonRecorded? Change) DecidePerson(PlannedPerson planned, PersonIndex people)
    {
        var matches = (planned.Input.Identifiers ?? []).Select(people.Find).OfType<Guid>().Distinct().ToList();
        if (matches.Count > 1)
            throw planned.Origin.Fault($"The identifiers of {NameRules.Display(planned.Input.Names ?? [], "en")} belong to {matches.Count} different people in the directory.");
        var id = matches.Count == 1 ? matches[0] : planned.Id;
        var current = people.Get(id);
        var input = planned.Input;
        if (current is not null)
            input = input with { Names = Merge.Names(input.Names!, current.Names), Identifiers = Merge.Identifiers(input.Identifiers!, current.Identifiers) };
        if (RecordPerson.Validate(input) is { } error)
            throw planned.Origin.Fault($"{error.Field}: {error.Message}");
        var change = RecordPerson.Decide(id, current, input);
        if (change is not null)
            people.Put(new Person { Id = id, Name = NameRules.Display(change.Names, "en"), SortName = change.SortName, Names = NameRules.ToForms(change.Names), Identifiers = Merge.ToIds(change.Identifiers), BirthDate = change.BirthDate, Gender = change.Gender });
        return (id, change);
    }

    private sealed class PersonIndex
    {
        private readonly Dictionary<Guid, Person> _byId = [];
        private readonly Dictionary<(string, string), Guid> _byIdentifier = [];
        private readonly HashSet<string> _schemes;

        public PersonIndex(IEnumerable<Person> people, string? source)
        {
            _schemes = source is null ? MatchingSchemes : [.. MatchingSchemes, source];
            foreach (var person in people)
                Put(person);
        }

        public Person? Get(Guid id) => _byId.GetValueOrDefault(id);

        public Guid? Find(Identifier id) => !_schemes.Contains(id.Scheme) ? null : _byIdentifier.TryGetValue((id.Scheme, id.Value), out var found) ? found : null;

        public void Put(Person person)
        {
            _byId[person.Id] = person;
            _byIdentifier[(OwnIdScheme, person.Id.ToString())] = person.Id;
            foreach (var id in person.Identifiers.Where(i => _schemes.Contains(i.Scheme)))
                _byIdentifier[(id.Scheme, id.Value)] = person.Id;
        }
    }
}

/// <summary>Union of incoming and stored names/identifiers: incoming first, stored extras kept.</summary>
public static class Merge
{
    public static List<NameEntry> Names(IReadOnlyList<NameEntry> incoming, IEnumerable<NameForm> stored)
    {
        var result = incoming.ToList();
        var officialLangs = incoming.Where(n => n.Kind == NameKind.Official).Select(n => n.Lang).ToHashSet();
        foreach (var name in stored)
        {
            if (result.Any(n => n.Value == name.Value && n.Lang == name.Lang))
                continue;
            var kind = name.Kind == NameKind.Official && officialLangs.Contains(name.Lang) ? NameKind.Alternate : name.Kind;
            result.Add(new NameEntry(name.Value, name.Lang, kind));
        }
        return result;
    }

    public static List<Identifier> Identifiers(IReadOnlyList<Identifier> incoming, IEnumerable<ExternalId> stored) =>
        incoming.Concat(stored.Select(x => new Identifier(x.Scheme, x.Value)).Where(x => !incoming.Contains(x))).ToList();

    public static List<ExternalId> ToIds(IEnumerable<Identifier> ids) =>
        ids.Select(x => new ExternalId { Scheme = x.Scheme, Value = x.Value }).ToList();
}
