using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>The post each participant held on a meeting's day, fixed when the meeting is recorded.</summary>
public static class Posts
{
    /// <summary>For each (person, side): "Role, Institution" of a post held on the day, preferring one in the institution they speak for.</summary>
    public static async Task<IReadOnlyDictionary<(Guid Person, Guid Side), string?>> OnAsync(ParleyDb db, IReadOnlyList<(Guid Person, Guid Side)> participants,
        DateOnly day, CancellationToken ct)
    {
        var people = participants.Select(p => p.Person).Distinct().ToList();
        var posts = await db.Memberships.AsNoTracking()
            .Where(m => people.Contains(m.PersonId) && (m.Start == null || m.Start <= day) && (m.End == null || m.End >= day))
            .Join(db.Institutions, m => m.InstitutionId, i => i.Id, (m, i) => new { m.PersonId, m.Role, i.Id, i.ParentId, i.Name })
            .ToListAsync(ct);
        return participants.ToDictionary(p => p, p =>
        {
            var best = posts.Where(x => x.PersonId == p.Person).OrderBy(x => x.Id == p.Side ? 0 : x.ParentId == p.Side ? 1 : 2).FirstOrDefault();
            return best is null ? null : $"{best.Role}, {best.Name}";
        });
    }
}
