using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>The post each participant held on a meeting's day, fixed when the meeting is recorded.</summary>
public static class Posts
{
    /// <summary>How far from the day a post seen only on one date (a dated list, an article) still names the post then, said with its date.</summary>
    public const int AttestedWithinDays = 31;

    /// <summary>
    /// For each (person, side): "Role, Institution" of a post held on the day, preferring one in the institution they
    /// speak for. Where no post is known to span the day, a post only attested on a date within
    /// <see cref="AttestedWithinDays"/> of it (start = end = that date: the directory invents no tenure) is given with that
    /// date: "Chairman, Committee on Foreign Affairs (attested 2018-08-08)".
    /// </summary>
    public static async Task<IReadOnlyDictionary<(Guid Person, Guid Side), string?>> OnAsync(ParleyDb db, IReadOnlyList<(Guid Person, Guid Side)> participants,
        DateOnly day, CancellationToken ct)
    {
        var people = participants.Select(p => p.Person).Distinct().ToList();
        var (from, to) = (day.AddDays(-AttestedWithinDays), day.AddDays(AttestedWithinDays));
        var posts = await db.Memberships.AsNoTracking()
            .Where(m => people.Contains(m.PersonId) && (((m.Start == null || m.Start <= day) && (m.End == null || m.End >= day))
                || (m.Start != null && m.Start == m.End && m.Start >= from && m.Start <= to)))
            .Join(db.Institutions, m => m.InstitutionId, i => i.Id, (m, i) => new { m.PersonId, m.Role, m.Start, m.End, i.Id, i.ParentId, i.Name })
            .ToListAsync(ct);
        return participants.ToDictionary(p => p, p =>
        {
            var best = posts.Where(x => x.PersonId == p.Person)
                .OrderBy(x => Spans(x.Start, x.End, day) ? 0 : 1)
                .ThenBy(x => x.Id == p.Side ? 0 : x.ParentId == p.Side ? 1 : 2)
                .ThenBy(x => x.Start is { } start ? Math.Abs(start.DayNumber - day.DayNumber) : 0)
                .FirstOrDefault();
            return best is null ? null
                : Spans(best.Start, best.End, day) ? $"{best.Role}, {best.Name}"
                : $"{best.Role}, {best.Name} (attested {best.Start:yyyy-MM-dd})";
        });
    }

    /// <summary>The countries of the institutions each person has held a post in (any time); a person with none is left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlySet<string>>> CountriesAsync(ParleyDb db, IReadOnlyCollection<Guid> people, CancellationToken ct) =>
        (await db.Memberships.Where(m => people.Contains(m.PersonId))
            .Join(db.Institutions, m => m.InstitutionId, i => i.Id, (m, i) => new { m.PersonId, i.CountryCode })
            .Where(x => x.CountryCode != null).Distinct().ToListAsync(ct))
        .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(x => x.CountryCode!).ToHashSet());

    private static bool Spans(DateOnly? start, DateOnly? end, DateOnly day) => (start is null || start <= day) && (end is null || end >= day);
}
