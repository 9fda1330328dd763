using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

/// <summary>Names for ids, and ids for the names people type into forms: one place for every feature's pages.</summary>
public static class DirectoryNames
{
    /// <summary>Display names of the people and institutions among <paramref name="ids"/> (other ids are left out).</summary>
    public static async Task<Dictionary<Guid, string>> NamesAsync(ParleyDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var i in await db.Institutions.AsNoTracking().Where(i => list.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
            names[i.Id] = i.Name;
        return names;
    }

    /// <summary>The one person whose name form is exactly this (folded), as forms type a person; the error names <paramref name="field"/>.</summary>
    public static async Task<Result<Guid>> PersonNamedAsync(ParleyDb db, string? name, string field, CancellationToken ct)
    {
        var folded = NameRules.Fold(name ?? "");
        var people = folded.Length == 0 ? [] : await db.People.Where(p => p.Names.Any(n => n.Folded == folded)).Select(p => p.Id).Take(2).ToListAsync(ct);
        return people.Count == 1 ? Result<Guid>.Ok(people[0])
            : new DomainError(field, $"{(people.Count == 0 ? "Nobody in the directory is named" : "More than one person is named")} “{name}”. Type a full name as the directory has it, or create the person first.");
    }

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
