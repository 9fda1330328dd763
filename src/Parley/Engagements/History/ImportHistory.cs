using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>Everything one history import records, decided before anything is written, and what it reports.</summary>
public sealed class HistoryPlan
{
    public DirectoryPlan Directory { get; } = new() { MatchingScheme = ImportHistory.Scheme };
    public List<VisitRecorded> Visits { get; } = [];
    public int AlreadyRecorded { get; set; }

    /// <summary>Each decision about a person (matched, created, a spelling variant, a choice between several), with its file and line.</summary>
    public List<string> Decisions { get; } = [];

    /// <summary>Names the records give that the import could not place (a host named in remarks whom the directory does not hold).</summary>
    public List<string> NotPlaced { get; } = [];
}

public sealed record HistoryOutcome(ImportSummary Directory, int Visits, int AlreadyRecorded)
{
    public override string ToString() => $"Visits: {Visits:N0} recorded, {AlreadyRecorded:N0} already recorded. Directory: {Directory}";
}

/// <summary>
/// Records the Office of the Historian's travels and visits as visits: the President's and the Secretary of State's trips
/// abroad, and foreign leaders' visits to the United States, each with its traveller, country, place, days and remarks,
/// and the hosts the record says they met. Names are matched to the directory across spelling variants; a person is
/// created only when no one fits well enough. All or nothing; a second run records nothing.
/// </summary>
public static partial class ImportHistory
{
    /// <summary>The identifier scheme of the historian's own ids for Presidents and Secretaries ("nixon-richard-m").</summary>
    public const string Scheme = "history-state-gov";

    private const string Site = "https://history.state.gov/departmenthistory";

    /// <summary>How the posts this import records name their source; a person holding one came from an earlier run.</summary>
    private const string PostSource = "Office of the Historian";

    public static async Task<HistoryOutcome> HandleAsync(WriteScope scope, HistoryRecords records, IProgress<string>? progress, Action<HistoryPlan>? planned, CancellationToken ct)
    {
        var db = scope.Db;
        var known = await KnownPeopleAsync(db, ct);
        var countries = (await db.Countries.AsNoTracking().Select(c => c.Code).ToListAsync(ct)).ToHashSet();
        var visitIds = (await db.Visits.AsNoTracking().Select(v => v.Id).ToListAsync(ct)).ToHashSet();
        progress?.Report($"Matching names against {known.Count:N0} people in the directory…");
        var plan = Plan(records, known, countries, visitIds);
        planned?.Invoke(plan);
        var directory = await PlanWriter.WriteAsync(scope, plan.Directory, progress, ct);
        var done = 0;
        foreach (var visit in plan.Visits)
        {
            await scope.RecordAsync(visit, ct);
            if (++done % 1000 == 0 || done == plan.Visits.Count)
            {
                await scope.FlushAsync(ct);
                progress?.Report($"{done:N0} of {plan.Visits.Count:N0} visits recorded");
            }
        }
        return new HistoryOutcome(directory, plan.Visits.Count, plan.AlreadyRecorded);
    }

    /// <summary>The import's decisions, from the records and what the store already holds.</summary>
    public static HistoryPlan Plan(HistoryRecords records, IReadOnlyList<KnownPerson> known, IReadOnlySet<string> knownCountries, IReadOnlySet<Guid> recordedVisits)
    {
        var plan = new HistoryPlan();
        var people = new HistoryPeople(known);
        var countries = new Dictionary<string, CountryRecorded>();
        CountryRecorded Country(Origin origin, string id, string name) =>
            HistoryCountries.Find(id) is { } c ? countries.TryAdd(c.Code, c) ? c : countries[c.Code]
            : throw origin.Fault($"The country id '{id}' ({name}) is not one Parley knows; add it to Engagements/History/countries.tsv.");
        countries[KnownInstitutions.UnitedStates.Code] = KnownInstitutions.UnitedStates;

        var presidents = records.Presidents.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.OrderBy(t => t.TookOffice).ToList());
        var travellers = new Dictionary<string, HistoryPeople.Entry>();
        HistoryPeople.Entry Traveller(string who, string name, string role, Origin origin, DateOnly day)
        {
            if (travellers.TryGetValue(who, out var found))
                return found;
            var terms = presidents.GetValueOrDefault(who);
            var person = USTraveller(plan, people, who, name, role == "president" ? terms : null, origin, day);
            travellers[who] = person;
            return person;
        }

        // Travellers first, then the visitors, then the trips' remarks, so a host a trip names is found among all visitors.
        foreach (var trip in records.Trips)
            Traveller(trip.Who, trip.Name, trip.Role, trip.Origin, trip.Start).Seen.Add(trip.Start);

        var visits = new List<(HistoricVisit Record, CountryRecorded From, List<HistoryPeople.Entry> Visitors)>();
        foreach (var visit in records.Visits.OrderBy(v => v.Start))
        {
            var from = Country(visit.CountryAt, visit.CountryId, visit.CountryName);
            var visitors = new List<HistoryPeople.Entry>();
            var named = HistoricNames.Visitors(visit.Visitor);
            if (named.Count == 0)
                throw visit.Origin.Fault($"<visitor> '{visit.Visitor}' names nobody.");
            for (var i = 0; i < named.Count; i++)
            {
                var person = Visitor(plan, people, named[i], from, visit);
                person.Seen.Add(visit.Start);
                if (!visitors.Contains(person))
                    visitors.Add(person);
                if (named[i].Title is { } title)
                {
                    plan.Directory.Memberships.Add(new PlannedMembership(StableId.For("history-post", $"{visit.Id}/{i}"),
                        new Identifier(PlanWriter.OwnIdScheme, person.Id.ToString()), person.Name,
                        new MembershipInput(Guid.Empty, KnownInstitutions.State(from.Code), Clip(title, 200), Start: visit.Start, End: visit.Start,
                            Source: $"{PostSource}, visit {visit.Id}"), visit.Origin));
                }
            }
            visits.Add((visit, from, visitors));
        }

        foreach (var (visit, from, visitors) in visits)
        {
            var id = StableId.For("history-visit", visit.Id);
            if (recordedVisits.Contains(id))
            {
                plan.AlreadyRecorded++;
                continue;
            }
            var host = SittingPresident(records.Presidents, visit.Start) is { } term && HostedBy(visit.Description, term.Name)
                ? Traveller(term.Id, term.Name, "president", term.Origin, visit.Start) : null;
            var title = $"{visit.Visitor} ({visit.CountryName})";
            plan.Visits.Add(new VisitRecorded(id, Clip(title, 300), Clip(visit.Description is { Length: > 0 } d ? d : "Visit recorded without a description.", 4000),
                visitors[0].Id, KnownInstitutions.State(from.Code), "United States", KnownInstitutions.UnitedStates.Code, visit.Start, visit.End,
                visitors.Select(v => v.Id).ToList(), null, Clip($"Office of the Historian, Visits by Foreign Leaders, visit {visit.Id}: {Site}/visits ({visit.Origin.Describe()})", Bounds.Source),
                host is null || visitors.Contains(host) ? null : [host.Id]));
        }

        foreach (var trip in records.Trips)
        {
            var id = StableId.For("history-trip", trip.Id);
            var country = Country(trip.CountryAt, trip.CountryId, trip.CountryName);
            if (recordedVisits.Contains(id))
            {
                plan.AlreadyRecorded++;
                continue;
            }
            var traveller = travellers[trip.Who];
            var met = Hosts(plan, people, trip, country).Where(h => h != traveller.Id).Distinct().ToList();
            var office = trip.Role == "president" ? "President" : "Secretary of State";
            var title = $"{HistoricNames.Display(trip.Name)} in {trip.CountryName}" + (trip.Locale.Length > 0 ? $" ({trip.Locale})" : "");
            plan.Visits.Add(new VisitRecorded(id, Clip(title, 300), Clip(trip.Remarks is { Length: > 0 } r ? r : "Trip recorded without remarks.", 4000),
                traveller.Id, trip.Role == "president" ? KnownInstitutions.UsPresident : KnownInstitutions.UsStateDepartment,
                Clip(trip.Locale is { Length: > 0 } l ? l : trip.CountryName, 200), country.Code, trip.Start, trip.End, [traveller.Id], null,
                Clip($"Office of the Historian, Foreign Travels of the {office}, trip {trip.Id}: {Site}/travels/{trip.Role}/{trip.Who} ({trip.Origin.Describe()})", Bounds.Source),
                met.Count == 0 ? null : met));
        }

        foreach (var country in countries.Values.Where(c => !knownCountries.Contains(c.Code)).OrderBy(c => c.Code, StringComparer.Ordinal))
            plan.Directory.Countries.Add(country);
        var origin = new Origin("history", 0);
        foreach (var (iid, input) in KnownInstitutions.UsCore().Where(i => i.Id == KnownInstitutions.UsPresident).Append(KnownInstitutions.StateDepartment()))
            plan.Directory.Institutions.Add(new PlannedInstitution(iid, input, origin));
        foreach (var country in countries.Values.Where(c => c.Code != KnownInstitutions.UnitedStates.Code).OrderBy(c => c.Code, StringComparer.Ordinal))
            plan.Directory.Institutions.Add(new PlannedInstitution(KnownInstitutions.State(country.Code), KnownInstitutions.StateInput(country), origin));
        plan.Directory.People.AddRange(PlannedPeople(people));
        return plan;
    }

    /// <summary>A President or Secretary: by the historian's id, else by name among US people (a President among Presidents, born the same year), else new.</summary>
    private static HistoryPeople.Entry USTraveller(HistoryPlan plan, HistoryPeople people, string who, string name, List<PresidentTerm>? terms, Origin origin, DateOnly day)
    {
        var identifier = new Identifier(Scheme, who);
        var display = HistoricNames.Display(name);
        if (people.WithIdentifier(identifier) is { } again)
            return again;
        var birthYear = terms?.Select(t => t.BirthYear).FirstOrDefault(y => y is not null);
        var fullName = FullName(who) ?? display;
        bool Plausible(HistoryPeople.Entry p) =>
            p.Known is { } k && (terms is null || k.WasPresident)
            && (k.BirthDate is not { } born || (birthYear is { } year ? born.Year == year : born.Year < day.Year - 25 && born.Year > day.Year - 90));
        var (person, why) = people.Match(fullName, KnownInstitutions.UnitedStates.Code, day, Plausible);
        if (person is null)
        {
            person = people.Create(StableId.For(Scheme, who), display, KnownInstitutions.UnitedStates.Code, origin);
            plan.Decisions.Add($"{origin.Describe()}: {display} ({who}): created (no one in the directory fits{(terms is null ? "" : " among Presidents")}).");
            foreach (var term in terms ?? [])
            {
                plan.Directory.Memberships.Add(new PlannedMembership(StableId.For("history-term", $"{who}/{term.TookOffice:yyyy-MM-dd}"),
                    new Identifier(PlanWriter.OwnIdScheme, person.Id.ToString()), display,
                    new MembershipInput(Guid.Empty, KnownInstitutions.UsPresident, "President of the United States", Start: term.TookOffice, End: term.LeftOffice,
                        Source: "Office of the Historian, presidents.xml"), term.Origin));
            }
        }
        else
        {
            plan.Decisions.Add($"{origin.Describe()}: {display} ({who}): matched {person.Name} in the directory{(why.Length > 0 ? $" ({why})" : "")}.");
            person.AddForm(display, isNew: true);
        }
        person.NewIdentifiers.Add(identifier);
        return person;
    }

    /// <summary>A visitor: the person of their country the name fits, else a new one.</summary>
    private static HistoryPeople.Entry Visitor(HistoryPlan plan, HistoryPeople people, TitledName named, CountryRecorded from, HistoricVisit visit)
    {
        var display = HistoricNames.Display(named.Name);
        var (person, why) = people.Match(display, from.Code, visit.Start);
        var label = $"{visit.Origin.Describe()}: '{visit.Visitor}' ({from.NameEn})";
        if (person is null)
        {
            var id = StableId.For("history-visitor", $"{from.Code}:{string.Join(' ', HistoricNames.Words(display))}");
            person = people.Get(id) ?? people.Create(id, display, from.Code, visit.Origin);
            if (person.Seen.Count == 0 && person.Known is null)
                plan.Decisions.Add($"{label}: created {display}{(why.Length > 0 && why != "no name fits" && !why.StartsWith("nobody", StringComparison.Ordinal) ? $" ({why})" : "")}.");
            return person;
        }
        if (!person.Folded.Contains(NameRules.Fold(display)))
        {
            plan.Decisions.Add($"{label}: matched {person.Name}{(person.Known is null ? $" (created at {person.Origin?.Describe()})" : " in the directory")}, spelled '{display}'; kept as another form of the name{(why.Length > 0 ? $"; {why}" : "")}.");
        }
        else if (person.Known is { FromHistory: false } && person.Seen.Count == 0)
        {
            plan.Decisions.Add($"{label}: matched {person.Name} in the directory.");
        }
        else if (why.Length > 0)
        {
            plan.Decisions.Add($"{label}: matched {person.Name} ({why}).");
        }
        person.AddForm(display, isNew: true);
        return person;
    }

    /// <summary>The hosts a trip's remarks name ("Met with President Medvedev and Prime Minister Putin"), among people of the country visited.</summary>
    private static IEnumerable<Guid> Hosts(HistoryPlan plan, HistoryPeople people, HistoricTrip trip, CountryRecorded country)
    {
        foreach (Match m in NamedHost().Matches(trip.Remarks))
        {
            var name = m.Groups["name"].Value.Trim();
            var (person, why) = people.Match(name, country.Code, trip.Start);
            // The traveller's own side ("with President Clinton") is no host.
            if (person is null && people.Match(name, KnownInstitutions.UnitedStates.Code, trip.Start).Person is not null)
                continue;
            if (person is null)
            {
                plan.NotPlaced.Add($"{trip.Origin.Describe()}: the remarks name '{m.Value.Trim()}'; {why} of {country.NameEn} ({trip.Start:yyyy-MM-dd}), so the meeting is not recorded.");
                continue;
            }
            if (why.Length > 0)
                plan.Decisions.Add($"{trip.Origin.Describe()}: the remarks name '{m.Value.Trim()}': {person.Name} ({why}).");
            yield return person.Id;
        }
    }

    /// <summary>Whether a visit met the sitting President: a state, official or working visit (the White House's own), or one whose record names him.</summary>
    private static bool HostedBy(string description, string president)
    {
        if (HostedVisit().IsMatch(description))
            return true;
        var family = HistoricNames.Words(president).LastOrDefault(w => w is not ("jr" or "ii" or "iii"));
        return family is not null && HistoricNames.Words(description).Contains(family);
    }

    private static PresidentTerm? SittingPresident(IReadOnlyList<PresidentTerm> terms, DateOnly day) =>
        terms.LastOrDefault(t => t.TookOffice <= day && (t.LeftOffice is not { } left || day < left));

    /// <summary>The name an id of the historian's spells out in full ("kerry-john-forbes" → john forbes kerry), for matching only.</summary>
    private static string? FullName(string who)
    {
        var parts = who.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? null : string.Join(' ', parts.Skip(1).Append(parts[0]));
    }

    /// <summary>New people as created; people the directory holds with the spellings and identifiers this import adds to them.</summary>
    private static IEnumerable<PlannedPerson> PlannedPeople(HistoryPeople people)
    {
        foreach (var p in people.All)
        {
            if (p.Known is { } k)
            {
                if (p.NewForms.Count == 0 && p.NewIdentifiers.All(k.Identifiers.Contains))
                    continue;
                var names = p.NewForms.Select(f => new NameEntry(f, "en", NameKind.Alternate)).ToList();
                yield return new PlannedPerson(p.Id, new PersonInput(k.SortName, names, p.NewIdentifiers.Except(k.Identifiers).ToList(), k.BirthDate, k.Gender), new Origin("history", 0));
                continue;
            }
            // Named by the spelling seen most often (the fuller one on a tie, then the first seen); the others are alternates.
            var official = p.NewForms.OrderByDescending(f => p.SeenForms.GetValueOrDefault(f)).ThenByDescending(f => HistoricNames.Words(f).Count).First();
            var forms = p.NewForms.Select(f => new NameEntry(f, "en", f == official ? NameKind.Official : NameKind.Alternate)).ToList();
            yield return new PlannedPerson(p.Id, new PersonInput(null, forms, p.NewIdentifiers.Distinct().ToList()), p.Origin ?? new Origin("history", 0));
        }
    }

    /// <summary>The directory's people with the countries of the institutions they have held posts in.</summary>
    public static async Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(ParleyDb db, CancellationToken ct)
    {
        var posts = await db.Memberships.AsNoTracking()
            .Join(db.Institutions, m => m.InstitutionId, i => i.Id, (m, i) => new { m.PersonId, i.Id, i.CountryCode, FromHistory = m.Source.StartsWith(PostSource) })
            .Distinct().ToListAsync(ct);
        var byPerson = posts.ToLookup(p => p.PersonId);
        var people = await db.People.AsNoTracking().ToListAsync(ct);
        return people.Select(p => new KnownPerson(p.Id, p.Name, p.SortName, p.Names.Select(n => n.Value).ToList(), p.BirthDate, p.Gender,
            byPerson[p.Id].Select(x => x.CountryCode).OfType<string>().ToHashSet(), byPerson[p.Id].Any(x => x.Id == KnownInstitutions.UsPresident),
            p.Identifiers.Select(i => new Identifier(i.Scheme, i.Value)).ToList(), byPerson[p.Id].Any(x => x.FromHistory))).ToList();
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex(@"\b(state|official|official working|working) visit\b", RegexOptions.IgnoreCase)]
    private static partial Regex HostedVisit();

    // A title and a capitalised name after it; "President Hu of China" yields "Hu", matched among the country visited only.
    [GeneratedRegex(@"\b(?:President(?:-elect)?|Prime Minister|Premier|General Secretary|Chairman|Chancellor|King|Queen|Emperor|Emir|Amir|Sultan|Shah|Crown Prince|Pope)\s+(?<name>(?:\p{Lu}\.\s+|\p{Lu}[\p{L}'’-]+\s+){0,3}\p{Lu}[\p{L}'’-]+)")]
    private static partial Regex NamedHost();
}
