using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;

namespace Parley.Statements;

/// <summary>How a speaker was found, or why not.</summary>
public enum SpeakerBasis
{
    FullName,
    NamedEarlier,
    Surname,
    Title,
    Pronoun,
    Unresolved,
    Ambiguous,
}

public sealed record SpeakerMatch(Guid? Person, string Phrase, SpeakerBasis Basis, IReadOnlyList<Guid> Candidates);

/// <summary>The directory's name forms and posts, folded, for resolving speakers in an article.</summary>
public sealed class SpeakerDirectory
{
    private readonly Dictionary<string, HashSet<Guid>> full = [];
    private readonly Dictionary<string, HashSet<Guid>> surname = [];
    private readonly List<(Guid Person, string Role, DateOnly? Start, DateOnly? End)> posts = [];

    public static async Task<SpeakerDirectory> LoadAsync(ParleyDb db, CancellationToken ct)
    {
        var directory = new SpeakerDirectory();
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, Names = p.Names.Select(n => n.Folded).ToList() }).ToListAsync(ct);
        foreach (var person in people)
        {
            foreach (var name in person.Names.Where(n => n.Length > 0))
                directory.Add(person.Id, name);
        }
        var posts = await db.Memberships.AsNoTracking().Select(m => new { m.PersonId, m.Role, m.Start, m.End }).ToListAsync(ct);
        directory.posts.AddRange(posts.Select(p => (p.PersonId, NameRules.Fold(p.Role), p.Start, p.End)));
        return directory;
    }

    public void Add(Guid person, string folded)
    {
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Index(full, folded, person);
        if (tokens.Length > 1)
            Index(full, $"{tokens[0]} {tokens[^1]}", person);
        Index(surname, tokens[^1], person);
    }

    public void AddPost(Guid person, string role, DateOnly? start, DateOnly? end) => posts.Add((person, NameRules.Fold(role), start, end));

    private static void Index(Dictionary<string, HashSet<Guid>> index, string key, Guid person)
    {
        if (!index.TryGetValue(key, out var set))
            index[key] = set = [];
        set.Add(person);
    }

    /// <summary>
    /// A name as written: a full name (or first and last) matches exactly; a single word matches a surname. A Russian
    /// name in another case ("По словам Константина Косачёва") is tried again in the nominative. Where a surname is
    /// several people's, the one who holds a post on the day is meant ("Paul said" of Sen. Rand Paul, not Ron Paul).
    /// </summary>
    public SpeakerMatch Resolve(string phrase, IReadOnlyDictionary<string, Guid> namedEarlier, DateOnly? on = null)
    {
        var match = ResolveAsWritten(phrase, namedEarlier);
        if (match.Basis == SpeakerBasis.Unresolved && Nominative(NameRules.Fold(phrase)) is { } nominative)
            match = ResolveAsWritten(nominative, namedEarlier) with { Phrase = phrase };
        if (match.Basis == SpeakerBasis.Ambiguous && match.Candidates.Where(c => HoldsPost(c, on)).ToList() is [var sitting])
            return new SpeakerMatch(sitting, phrase, SpeakerBasis.Surname, []);
        return match;
    }

    private bool HoldsPost(Guid person, DateOnly? on) =>
        posts.Any(p => p.Person == person && (on is null || ((p.Start is null || p.Start <= on) && (p.End is null || p.End >= on))));

    /// <summary>Cyrillic words with a case ending taken off (genitive, dative, instrumental, prepositional); null when nothing changes.</summary>
    private static string? Nominative(string folded)
    {
        string[] endings = ["ого", "ему", "ому", "ым", "им", "ой", "ей", "ом", "ем", "а", "я", "у", "ю", "е"];
        var changed = false;
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
        {
            if (!w.Any(c => c is >= 'а' and <= 'я'))
                return w;
            foreach (var ending in endings)
            {
                if (w.Length > ending.Length + 2 && w.EndsWith(ending, StringComparison.Ordinal))
                {
                    changed = true;
                    // Feminine surnames keep their -а (Захарова); only the case ending after it goes.
                    return w[..^ending.Length] + (ending is "ой" or "ей" && w.Length > 5 ? "а" : "");
                }
            }
            return w;
        }).ToList();
        return changed ? string.Join(' ', words) : null;
    }

    private SpeakerMatch ResolveAsWritten(string phrase, IReadOnlyDictionary<string, Guid> namedEarlier)
    {
        var folded = NameRules.Fold(phrase);
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
            return new SpeakerMatch(null, phrase, SpeakerBasis.Unresolved, []);
        if (full.TryGetValue(folded, out var exact) || (tokens.Length > 2 && full.TryGetValue($"{tokens[0]} {tokens[^1]}", out exact)))
            return exact.Count == 1 ? new SpeakerMatch(exact.First(), phrase, SpeakerBasis.FullName, []) : new SpeakerMatch(null, phrase, SpeakerBasis.Ambiguous, exact.ToList());
        if (tokens.Length == 1 && namedEarlier.TryGetValue(tokens[0], out var earlier))
            return new SpeakerMatch(earlier, phrase, SpeakerBasis.NamedEarlier, []);
        if (tokens.Length == 1 && surname.TryGetValue(tokens[0], out var bySurname))
            return bySurname.Count == 1 ? new SpeakerMatch(bySurname.First(), phrase, SpeakerBasis.Surname, []) : new SpeakerMatch(null, phrase, SpeakerBasis.Ambiguous, bySurname.Take(10).ToList());
        return new SpeakerMatch(null, phrase, SpeakerBasis.Unresolved, []);
    }

    /// <summary>A title ("kremlin spokesman") matched against the posts held on the day; one holder resolves it.</summary>
    public SpeakerMatch ByTitle(string title, DateOnly? on)
    {
        var holders = posts.Where(p => p.Role.Contains(title, StringComparison.Ordinal)
                && (on is null || ((p.Start is null || p.Start <= on) && (p.End is null || p.End >= on))))
            .Select(p => p.Person).Distinct().ToList();
        return holders.Count == 1 ? new SpeakerMatch(holders[0], title, SpeakerBasis.Title, [])
            : new SpeakerMatch(null, title, holders.Count == 0 ? SpeakerBasis.Unresolved : SpeakerBasis.Ambiguous, holders.Take(10).ToList());
    }
}
