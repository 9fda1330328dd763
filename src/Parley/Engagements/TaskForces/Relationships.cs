using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>One counterpart of a person: how often they met across the sides, and when last.</summary>
/// <summary>Two people who have met: how often, the instant of the last meeting, and its day where it took place.</summary>
public sealed record Tie(Guid Person, Guid Counterpart, int Meetings, DateTime LastMet, DateOnly LastMetOn);

/// <summary>Who has met whom, built from attendance at held meetings and the hosts a visit's travellers met (never typed in).</summary>
public static class Relationships
{
    public static async Task<Dictionary<Guid, string?>> CountriesOfAsync(ParleyDb db, IEnumerable<Guid> sides, CancellationToken ct)
    {
        var ids = sides.Distinct().ToList();
        var known = db.Institutions.Local.Where(i => ids.Contains(i.Id)).ToDictionary(i => i.Id, i => i.CountryCode);
        var rest = ids.Except(known.Keys).ToList();
        foreach (var row in await db.Institutions.AsNoTracking().Where(i => rest.Contains(i.Id)).Select(i => new { i.Id, i.CountryCode }).ToListAsync(ct))
            known[row.Id] = row.CountryCode;
        return known;
    }

    /// <summary>Pairs of attendees who spoke for different countries, each pair once with the smaller id first.</summary>
    public static IEnumerable<(Guid A, Guid B)> Pairs(IReadOnlyList<Participant> participants, IReadOnlyDictionary<Guid, string?> countries)
    {
        var present = participants.Where(p => p.Attended).ToList();
        var seen = new HashSet<(Guid, Guid)>();
        foreach (var x in present)
        {
            foreach (var y in present)
            {
                if (x.Person.CompareTo(y.Person) >= 0 || countries.GetValueOrDefault(x.Side) == countries.GetValueOrDefault(y.Side))
                    continue;
                if (seen.Add((x.Person, y.Person)))
                    yield return (x.Person, y.Person);
            }
        }
    }

    /// <summary>Every counterpart of the given people, with counts and the last meeting (a held meeting, or a visit's hosts).</summary>
    public static async Task<IReadOnlyList<Tie>> TiesAsync(ParleyDb db, IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var rows = await db.Encounters.AsNoTracking()
            .Where(e => people.Contains(e.PersonA) || people.Contains(e.PersonB))
            .ToListAsync(ct);
        var where = rows.Select(r => r.Meeting).Distinct().ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => where.Contains(m.Id))
            .Select(m => new { m.Id, m.TimeUnknown, m.Zone }).ToDictionaryAsync(m => m.Id, ct);
        var visits = await db.Visits.AsNoTracking().Where(v => where.Contains(v.Id)).Select(v => new { v.Id, v.StartsOn }).ToDictionaryAsync(v => v.Id, v => v.StartsOn, ct);
        // The day met is the meeting's own day where it took place, as its page says; a visit's, its first day.
        DateOnly Day(Encounter e) => meetings.TryGetValue(e.Meeting, out var m) ? EngagementViews.Day(e.MetAt, m.TimeUnknown, m.Zone, m.Zone)
            : visits.TryGetValue(e.Meeting, out var first) ? first : DateOnly.FromDateTime(e.MetAt);
        return rows.Select(r => (r.PersonA, r.PersonB, r.MetAt, On: Day(r)))
            .SelectMany(r => new[] { (Person: r.PersonA, Other: r.PersonB, r.MetAt, r.On), (Person: r.PersonB, Other: r.PersonA, r.MetAt, r.On) })
            .Where(r => people.Contains(r.Person))
            .GroupBy(r => (r.Person, r.Other))
            .Select(g => (g.Key, Count: g.Count(), Last: g.MaxBy(x => x.MetAt)))
            .Select(g => new Tie(g.Key.Person, g.Key.Other, g.Count, g.Last.MetAt, g.Last.On))
            .OrderBy(t => t.Person).ThenByDescending(t => t.LastMet).ToList();
    }
}
