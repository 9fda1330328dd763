using Parley.Directory;

namespace Parley.Engagements;

/// <summary>A person the directory holds, as the history import compares names with them.</summary>
public sealed record KnownPerson(
    Guid Id, string Name, string SortName, IReadOnlyList<string> Forms, DateOnly? BirthDate, string? Gender,
    IReadOnlySet<string> Countries, bool WasPresident, IReadOnlyList<Identifier> Identifiers, bool FromHistory = false);

/// <summary>
/// The people of one history import: those the directory holds and those the import creates, indexed by country, with
/// the days each is on record, so a name is matched to the person it most likely means. Pure: it decides, the import writes.
/// </summary>
public sealed class HistoryPeople
{
    /// <summary>One person: who they are in the directory (or will be), every name form seen, and when they were seen.</summary>
    public sealed class Entry(Guid id, string name, KnownPerson? known)
    {
        public Guid Id { get; } = id;
        public string Name { get; } = name;
        public KnownPerson? Known { get; } = known;
        public List<IReadOnlyList<string>> Words { get; } = [];
        public HashSet<string> Folded { get; } = [];
        public List<string> NewForms { get; } = [];

        /// <summary>How often each form was seen, so a new person is named by the spelling the records use most.</summary>
        public Dictionary<string, int> SeenForms { get; } = [];
        public HashSet<string> Countries { get; } = [];
        public List<DateOnly> Seen { get; } = [];
        public Origin? Origin { get; set; }
        public List<Identifier> NewIdentifiers { get; } = [];

        public void AddForm(string form, bool isNew)
        {
            SeenForms[form] = SeenForms.GetValueOrDefault(form) + 1;
            if (!Folded.Add(NameRules.Fold(form)))
                return;
            Words.Add(HistoricNames.Words(form));
            if (isNew)
                NewForms.Add(form);
        }

        /// <summary>How far <paramref name="day"/> is from the nearest day this person is on record (very far when never).</summary>
        public int Distance(DateOnly day) => Seen.Count == 0 ? int.MaxValue : Seen.Min(d => Math.Abs(d.DayNumber - day.DayNumber));
    }

    private const int YearsApart = 15;

    // Where English records write the family name first (Park Chung Hee, Hu Jintao, Hun Sen).
    private static readonly HashSet<string> FamilyFirst = ["CN", "TW", "KR", "KP", "VN", "KH"];
    private readonly List<Entry> _all = [];
    private readonly Dictionary<string, List<Entry>> _byCountry = [];
    private readonly Dictionary<Guid, Entry> _byId = [];

    public HistoryPeople(IEnumerable<KnownPerson> known)
    {
        foreach (var person in known)
        {
            var entry = new Entry(person.Id, person.Name, person);
            foreach (var form in person.Forms)
                entry.AddForm(form, isNew: false);
            Add(entry, person.Countries);
        }
    }

    public IEnumerable<Entry> All => _all;

    public Entry? Get(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>The directory's person holding this identifier (a second import finds its own people so).</summary>
    public Entry? WithIdentifier(Identifier id) => _all.FirstOrDefault(e => e.Known?.Identifiers.Contains(id) == true || e.NewIdentifiers.Contains(id));

    /// <summary>A new person, named as the record names them.</summary>
    public Entry Create(Guid id, string name, string? country, Origin origin)
    {
        var entry = new Entry(id, name, null) { Origin = origin };
        entry.AddForm(name, isNew: true);
        Add(entry, country is null ? [] : [country]);
        return entry;
    }

    public void Place(Entry entry, string country)
    {
        if (entry.Countries.Add(country))
            At(country).Add(entry);
    }

    /// <summary>
    /// The person of <paramref name="country"/> that <paramref name="name"/> means on <paramref name="day"/>: one full fit,
    /// or of several the nearest in time; a bare family name only where it is one person's, or one seen within fifteen years.
    /// </summary>
    public (Entry? Person, string Why) Match(string name, string country, DateOnly day, Func<Entry, bool>? admit = null)
    {
        var words = HistoricNames.Words(name);
        if (words.Count == 0 || !_byCountry.TryGetValue(country, out var people))
            return (null, "nobody of the country is in the directory");
        var familyFirst = FamilyFirst.Contains(country);
        var fits = people.Where(p => admit?.Invoke(p) != false)
            .Select(p => (Person: p, Fit: p.Words.Select(w => HistoricNames.Fit(words, w, familyFirst)).DefaultIfEmpty(NameFit.None).Max()))
            .Where(x => x.Fit != NameFit.None).ToList();
        // Of several full fits, the one already known by this very spelling, then one with as many names, then the nearest in time.
        var folded = NameRules.Fold(name);
        var full = fits.Where(x => x.Fit == NameFit.Full)
            .Select(x => (x.Person, Tier: x.Person.Folded.Contains(folded) ? 2 : x.Person.Words.Any(w => w.Count == words.Count) ? 1 : 0))
            .OrderByDescending(x => x.Tier).ThenBy(x => x.Person.Distance(day)).ToList();
        if (full.Count > 0)
        {
            var rivals = full.Count(x => x.Tier == full[0].Tier);
            return (full[0].Person, rivals == 1 ? "" : $"{rivals} people fit; chose the one on record nearest in time");
        }
        var partial = fits.Select(x => x.Person).ToList();
        if (partial.Count == 1 && (partial[0].Seen.Count == 0 || partial[0].Distance(day) <= YearsApart * 365))
            return (partial[0], "");
        var near = partial.Where(p => p.Distance(day) <= YearsApart * 365).OrderBy(p => p.Distance(day)).ToList();
        return near.Count > 0 ? (near[0], $"{partial.Count} people bear the name; chose the one on record nearest in time")
            : (null, partial.Count == 0 ? "no name fits" : $"{partial.Count} people bear the name, none on record within {YearsApart} years");
    }

    private void Add(Entry entry, IEnumerable<string> countries)
    {
        _all.Add(entry);
        _byId[entry.Id] = entry;
        foreach (var country in countries)
            Place(entry, country);
    }

    private List<Entry> At(string country)
    {
        if (!_byCountry.TryGetValue(country, out var list))
            _byCountry[country] = list = [];
        return list;
    }
}
