using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

/// <summary>Names for ids, and ids for the names people type into forms: one place for every feature's pages.</summary>
public static class DirectoryNames
{
    /// <summary>
    /// Display names of the people and institutions among <paramref name="ids"/> (other ids are left out): the
    /// directory's display name, or with <paramref name="lang"/> its official form in that language where it has one
    /// (Владимир Путин for a reader in Russian). Pages pass the reader's language; what is recorded never depends on it.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(ParleyDb db, IEnumerable<Guid> ids, CancellationToken ct, string? lang = null)
    {
        var list = ids.Distinct().ToList();
        // The display name is English (or the first official form): only another language needs each record's forms read.
        if (lang is null or "en")
        {
            var names = await db.People.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            foreach (var i in await db.Institutions.AsNoTracking().Where(i => list.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
                names[i.Id] = i.Name;
            return names;
        }
        var inLang = new Dictionary<Guid, string>();
        foreach (var p in await db.People.AsNoTracking().Where(p => list.Contains(p.Id)).Select(p => new { p.Id, p.Name, p.Names }).ToListAsync(ct))
            inLang[p.Id] = NameRules.Display(p.Names, lang, p.Name);
        foreach (var i in await db.Institutions.AsNoTracking().Where(i => list.Contains(i.Id)).Select(i => new { i.Id, i.Name, i.Names }).ToListAsync(ct))
            inLang[i.Id] = NameRules.Display(i.Names, lang, i.Name);
        return inLang;
    }

    /// <summary>How many people an ambiguous entry names at most, and the suggestions offer.</summary>
    public const int Choices = 8;

    /// <summary>
    /// The one person a form's entry means, the error naming <paramref name="field"/>: a name form exactly this (folded),
    /// else the only person one of whose name forms has a word starting with each word typed ("johnson", "ron john").
    /// Several such people are named in the error, so the user can type more or choose one.
    /// </summary>
    public static async Task<Result<Guid>> PersonNamedAsync(ParleyDb db, string? name, string field, CancellationToken ct)
    {
        var folded = NameRules.Fold(name ?? "");
        if (folded.Length == 0)
            return new DomainError(field, "Type a person's name (a part of it is enough when only one person has it).");
        var exact = await db.People.Where(p => p.Names.Any(n => n.Folded == folded)).Select(p => p.Id).Take(2).ToListAsync(ct);
        if (exact.Count == 1)
            return exact[0];
        var matches = exact.Count == 0 ? await PartlyNamedAsync(db, folded, Choices + 1, ct) : await NamedAmongAsync(db, exact, ct);
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => new DomainError(field, $"Nobody in the directory is named “{name}”. Type a name as the directory has it (a part is enough), or create the person first."),
            _ => new DomainError(field, $"“{name}” could be {string.Join(", ", matches.Take(Choices).Select(m => m.Name))}{(matches.Count > Choices ? ", …" : "")}. Type more of the name, or choose one of the suggestions."),
        };
    }

    /// <summary>
    /// People one of whose name forms has, for each typed word, a word starting with it, by sort name. SQL narrows by
    /// the longest typed word; the word rule is applied here. Names are given in <paramref name="lang"/> where the person has that form.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> PartlyNamedAsync(ParleyDb db, string folded, int most, CancellationToken ct, string? lang = null)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return [];
        var longest = words.MaxBy(w => w.Length)!;
        var found = new List<(Guid, string)>();
        var candidates = db.People.AsNoTracking().Where(p => p.Names.Any(n => n.Folded.Contains(longest))).OrderBy(p => p.SortName).ThenBy(p => p.Id);
        for (var offset = 0; found.Count < most; offset += 200)
        {
            var batch = await candidates.Skip(offset).Take(200).ToListAsync(ct);
            found.AddRange(batch.Where(p => p.Names.Any(n => StartsEachWord(n.Folded, words))).Select(p => (p.Id, lang is null ? p.Name : NameRules.Display(p.Names, lang, p.Name))));
            if (batch.Count < 200)
                break;
        }
        return found.Take(most).ToList();
    }

    private static bool StartsEachWord(string folded, string[] typed)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return typed.All(t => words.Any(w => w.StartsWith(t, StringComparison.Ordinal)));
    }

    private static async Task<IReadOnlyList<(Guid Id, string Name)>> NamedAmongAsync(ParleyDb db, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.SortName).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();

    /// <summary>One person per non-empty line, as the forms' "one full name per line" boxes take them.</summary>
    public static async Task<Result<IReadOnlyList<Guid>>> PeopleNamedAsync(ParleyDb db, string? lines, string field, CancellationToken ct)
    {
        var people = new List<Guid>();
        foreach (var name in (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var person = await PersonNamedAsync(db, name, field, ct);
            if (!person.Succeeded)
                return person.Error!;
            people.Add(person.Value);
        }
        return Result<IReadOnlyList<Guid>>.Ok(people);
    }
}
