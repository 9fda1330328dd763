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
        var folded = NameRules.Fold(query ?? "");
        var q = db.People.AsNoTracking();
        if (folded.Length > 0)
            q = q.Where(p => p.Names.Any(n => n.Folded.Contains(folded)) || p.Identifiers.Any(i => i.Value == query!.Trim()));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(p => p.SortName).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(p => new PersonSummary(p.Id, p.Name, p.SortName, p.Names.Select(n => n.Value).Where(v => v != p.Name).Distinct().ToList())).ToList();
        return new Page<PersonSummary>(items, total, page, size);
    }

    public static async Task<Page<InstitutionSummary>> SearchInstitutionsAsync(ParleyDb db, string? query, int page, int size, CancellationToken ct)
    {
        (page, size) = (Math.Max(page, 1), Math.Clamp(size, 1, MaxPageSize));
        var folded = NameRules.Fold(query ?? "");
        var q = db.Institutions.AsNoTracking();
        if (folded.Length > 0)
            q = q.Where(i => i.Names.Any(n => n.Folded.Contains(folded)) || i.Identifiers.Any(x => x.Value == query!.Trim()));
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(i => i.Name).ThenBy(i => i.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<InstitutionSummary>(rows.Select(Summary).ToList(), total, page, size);
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
