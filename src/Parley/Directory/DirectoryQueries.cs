using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Directory;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record PersonSummary(Guid Id, string Name, string SortName, IReadOnlyList<string> OtherNames);

public sealed record InstitutionSummary(Guid Id, string Name, InstitutionKind Kind, string? CountryCode, IReadOnlyList<string> OtherNames);

public sealed record Post(Guid MembershipId, Guid InstitutionId, string Institution, Guid PersonId, string Person, string Role,
    string? Party, string? Area, string? Note, DateOnly? Start, DateOnly? End, string Source);

/// <summary>A person, their posts over time, and the Popolo details their sources gave (contact details, links, sources, other fields).</summary>
public sealed record PersonDetails(Person Person, IReadOnlyList<Post> Posts, Details Details);

public sealed record InstitutionDetails(Institution Institution, IReadOnlyList<InstitutionSummary> Ancestors,
    IReadOnlyList<InstitutionSummary> SubBodies, IReadOnlyList<Post> Members, DateOnly? On);

/// <summary>What the directory pages and API read. Search folds case and diacritics on both sides.</summary>
public static class DirectoryQueries
{
    public const int MaxPageSize = 100;

    public static async Task<Page<PersonSummary>> SearchPeopleAsync(ParleyDb db, string? query, int page, int size, CancellationToken ct)
    {
        (page, size) = (Math.Max(page, 1), Math.Clamp(size, 1, MaxPageSize));
        var (terms, identifier) = (SearchText.Query(query), query?.Trim() ?? "");
        var people = db.People.AsNoTracking();
        List<Person> rows;
        int total;
        if (terms.Count == 0)
        {
            rows = await people.OrderBy(p => p.SortName).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
            total = await people.CountAsync(ct);
        }
        else
        {
            // An identifier ("Q4233718") exactly, first; then every name form from the search index, best match first.
            var named = await people.Where(p => p.Identifiers.Any(i => i.Value == identifier)).Select(p => p.Id).ToListAsync(ct);
            var hits = SearchIndex.Hits(db, DirectorySearch.Person, terms).Where(h => !named.Contains(h.Id));
            var ranked = from p in people join h in hits on p.Id equals h.Id orderby h.Rank, p.SortName, p.Id select p.Id;
            var ids = await PageOfAsync(named, ranked, page, size, ct);
            rows = InOrder(await people.Where(p => ids.Contains(p.Id)).ToListAsync(ct), ids, p => p.Id);
            total = named.Count + await hits.CountAsync(ct);
        }
        var items = rows.Select(p => new PersonSummary(p.Id, p.Name, p.SortName, p.Names.Select(n => n.Value).Where(v => v != p.Name).Distinct().ToList())).ToList();
        return new Page<PersonSummary>(items, total, page, size);
    }

    public static async Task<Page<InstitutionSummary>> SearchInstitutionsAsync(ParleyDb db, string? query, int page, int size, CancellationToken ct)
    {
        (page, size) = (Math.Max(page, 1), Math.Clamp(size, 1, MaxPageSize));
        var (terms, identifier) = (SearchText.Query(query), query?.Trim() ?? "");
        var institutions = db.Institutions.AsNoTracking();
        List<Institution> rows;
        int total;
        if (terms.Count == 0)
        {
            rows = await institutions.OrderBy(i => i.Name).ThenBy(i => i.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
            total = await institutions.CountAsync(ct);
        }
        else
        {
            var named = await institutions.Where(i => i.Identifiers.Any(x => x.Value == identifier)).Select(i => i.Id).ToListAsync(ct);
            var hits = SearchIndex.Hits(db, DirectorySearch.Institution, terms).Where(h => !named.Contains(h.Id));
            var ranked = from i in institutions join h in hits on i.Id equals h.Id orderby h.Rank, i.Name, i.Id select i.Id;
            var ids = await PageOfAsync(named, ranked, page, size, ct);
            rows = InOrder(await institutions.Where(i => ids.Contains(i.Id)).ToListAsync(ct), ids, i => i.Id);
            total = named.Count + await hits.CountAsync(ct);
        }
        return new Page<InstitutionSummary>(rows.Select(Summary).ToList(), total, page, size);
    }

    /// <summary>
    /// The rows in the ids' order, once each: a search hit has no key EF Core could join a row's owned names to, so a
    /// search reads the ordered ids first and then the rows.
    /// </summary>
    private static async Task<List<Guid>> PageOfAsync(List<Guid> first, IQueryable<Guid> then, int page, int size, CancellationToken ct)
    {
        var skip = (page - 1) * size;
        var ids = first.Skip(skip).Take(size).ToList();
        if (ids.Count < size)
            ids.AddRange(await then.Skip(Math.Max(0, skip - first.Count)).Take(size - ids.Count).ToListAsync(ct));
        return ids;
    }

    private static List<T> InOrder<T>(List<T> loaded, List<Guid> ids, Func<T, Guid> key)
    {
        var byId = loaded.ToDictionary(key);
        return ids.Distinct().Where(byId.ContainsKey).Select(i => byId[i]).ToList();
    }

    public static InstitutionSummary Summary(Institution i) =>
        new(i.Id, i.Name, i.Kind, i.CountryCode, i.Names.Select(n => n.Value).Where(v => v != i.Name).Distinct().ToList());

    public static async Task<PersonDetails?> PersonAsync(ParleyDb db, Guid id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
            return null;
        var posts = await Posts(db, db.Memberships.Where(m => m.PersonId == id)).ToListAsync(ct);
        var details = await db.RecordDetails.AsNoTracking().Where(d => d.Of == DetailsOf.Person && d.Id == id).Select(d => d.Json).FirstOrDefaultAsync(ct);
        return new PersonDetails(person, posts.OrderByDescending(p => p.Start ?? p.End ?? DateOnly.MaxValue).ThenBy(p => p.Institution).ToList(), Details.Parse(details));
    }

    /// <summary>An institution with its members: on a given day, or (without one) its current members.</summary>
    public static async Task<InstitutionDetails?> InstitutionAsync(ParleyDb db, Guid id, DateOnly? on, DateOnly today, CancellationToken ct)
    {
        var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (institution is null)
            return null;
        var ancestors = new List<InstitutionSummary>();
        for (var parent = institution.ParentId; parent is { } p && ancestors.Count < 20;)
        {
            var row = await db.Institutions.AsNoTracking().FirstAsync(i => i.Id == p, ct);
            ancestors.Insert(0, Summary(row));
            parent = row.ParentId;
        }
        var subs = await db.Institutions.AsNoTracking().Where(i => i.ParentId == id).OrderBy(i => i.Name).ToListAsync(ct);
        var members = db.Memberships.Where(m => m.InstitutionId == id);
        members = on is { } day
            ? members.Where(m => m.Start != null && m.Start <= day && (m.End == null || m.End >= day))
            : members.Where(m => m.End == null || m.End >= today);
        var posts = await Posts(db, members).ToListAsync(ct);
        return new InstitutionDetails(institution, ancestors, subs.Select(Summary).ToList(),
            posts.OrderBy(p => RoleOrder(p.Role)).ThenBy(p => p.Person).ToList(), on);
    }

    private static int RoleOrder(string role) => role.ToUpperInvariant() switch
    {
        var r when r.StartsWith("CHAIR", StringComparison.Ordinal) || r.StartsWith("PRESIDENT", StringComparison.Ordinal) => 0,
        var r when r.StartsWith("RANKING", StringComparison.Ordinal) || r.StartsWith("VICE", StringComparison.Ordinal) => 1,
        "MEMBER" => 3,
        _ => 2,
    };

    private static IQueryable<Post> Posts(ParleyDb db, IQueryable<Membership> memberships) =>
        from m in memberships
        join i in db.Institutions on m.InstitutionId equals i.Id
        join p in db.People on m.PersonId equals p.Id
        select new Post(m.Id, i.Id, i.Name, p.Id, p.Name, m.Role, m.Party, m.Area, m.Note, m.Start, m.End, m.Source);

    /// <summary>Finds an institution by id, by identifier ("thomas:SSFR"), or by exact name.</summary>
    public static async Task<Guid?> ResolveInstitutionAsync(ParleyDb db, string text, CancellationToken ct)
    {
        text = text.Trim();
        if (Guid.TryParse(text, out var id))
            return await db.Institutions.AnyAsync(i => i.Id == id, ct) ? id : null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var (scheme, value) = (text[..colon], text[(colon + 1)..]);
            var byId = await db.Institutions.Where(i => i.Identifiers.Any(x => x.Scheme == scheme && x.Value == value))
                .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            if (byId is not null)
                return byId;
        }
        var folded = NameRules.Fold(text);
        return await db.Institutions.Where(i => i.Names.Any(n => n.Folded == folded)).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
    }
}
