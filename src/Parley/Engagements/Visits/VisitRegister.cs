using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>A visit as a list shows it: where it came from (the sending institution's country) and who led it.</summary>
public sealed record VisitRow(Visit Visit, string? FromCountry, string SentBy, string? Leader);

/// <summary>
/// The register of visits: searched by words (title, purpose, place, a traveller's name), by a country on either end, by
/// the pair of countries between which a visit went, and by years; newest first, a page at a time.
/// </summary>
public static class VisitRegister
{
    public sealed record Filter(string? Q = null, string? Country = null, string? With = null, int? FromYear = null, int? ToYear = null, Guid? Person = null);

    /// <summary>The most a timeline between two countries shows at once.</summary>
    public const int TimelineLimit = 2000;

    public static async Task<(IReadOnlyList<VisitRow> Rows, bool HasMore, int Total)> PageAsync(ParleyDb db, Filter filter, int page, int size, CancellationToken ct, string? lang = null)
    {
        var query = Query(db, filter);
        var total = await query.CountAsync(ct);
        var visits = await query.OrderByDescending(v => v.StartsOn).ThenBy(v => v.Id).Skip((page - 1) * size).Take(size + 1).ToListAsync(ct);
        return (await RowsAsync(db, visits.Take(size).ToList(), ct, lang), visits.Count > size, total);
    }

    /// <summary>Every visit between the filter's two countries in its years, oldest first, for the timeline.</summary>
    public static async Task<IReadOnlyList<VisitRow>> TimelineAsync(ParleyDb db, Filter filter, CancellationToken ct, string? lang = null)
    {
        var visits = await Query(db, filter).OrderBy(v => v.StartsOn).ThenBy(v => v.Id).Take(TimelineLimit).ToListAsync(ct);
        return await RowsAsync(db, visits, ct, lang);
    }

    /// <summary>The people a visit's travellers met there (its encounters' other side), for its page and its API answer.</summary>
    public static async Task<IReadOnlyList<Guid>> HostsAsync(ParleyDb db, Visit visit, CancellationToken ct)
    {
        var travellers = visit.Travellers.Select(t => t.Person).ToHashSet();
        var pairs = await db.Encounters.AsNoTracking().Where(e => e.Meeting == visit.Id).Select(e => new { e.PersonA, e.PersonB }).ToListAsync(ct);
        return pairs.SelectMany(p => new[] { p.PersonA, p.PersonB }).Where(p => !travellers.Contains(p)).Distinct().ToList();
    }

    private static IQueryable<Visit> Query(ParleyDb db, Filter filter)
    {
        var query = db.Visits.AsNoTracking();
        var senders = db.Institutions.AsNoTracking();
        var (a, b) = (Code(filter.Country), Code(filter.With));
        if (a is not null && b is not null)
        {
            query = query.Where(v => (v.DestinationCountry == b && senders.Any(i => i.Id == v.SentBy && i.CountryCode == a))
                || (v.DestinationCountry == a && senders.Any(i => i.Id == v.SentBy && i.CountryCode == b)));
        }
        else if ((a ?? b) is { } one)
        {
            query = query.Where(v => v.DestinationCountry == one || senders.Any(i => i.Id == v.SentBy && i.CountryCode == one));
        }
        if (filter.FromYear is { } from)
            query = query.Where(v => v.EndsOn >= new DateOnly(Math.Clamp(from, 1, 9999), 1, 1));
        if (filter.ToYear is { } to)
            query = query.Where(v => v.StartsOn <= new DateOnly(Math.Clamp(to, 1, 9999), 12, 31));
        if (filter.Person is { } person)
            query = query.Where(v => v.Travellers.Any(t => t.Person == person) || db.Encounters.Any(e => e.Meeting == v.Id && (e.PersonA == person || e.PersonB == person)));
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var words = filter.Q.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
            var like = $"%{words}%";
            var folded = $"%{NameRules.Fold(words)}%";
            var named = db.People.Where(p => p.Names.Any(n => EF.Functions.Like(n.Folded, folded))).Select(p => p.Id);
            query = query.Where(v => EF.Functions.Like(v.Title.ToLower(), like) || EF.Functions.Like(v.Purpose.ToLower(), like)
                || EF.Functions.Like(v.Destination.ToLower(), like) || v.Travellers.Any(t => named.Contains(t.Person)));
        }
        return query;
    }

    private static string? Code(string? country) => country is { Length: 2 } c ? c.ToUpperInvariant() : null;

    private static async Task<IReadOnlyList<VisitRow>> RowsAsync(ParleyDb db, List<Visit> visits, CancellationToken ct, string? lang)
    {
        var senders = visits.Select(v => v.SentBy).Distinct().ToList();
        var countries = await db.Institutions.AsNoTracking().Where(i => senders.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.CountryCode, ct);
        var names = await DirectoryNames.NamesAsync(db, senders.Concat(visits.Select(v => v.Leader).OfType<Guid>()), ct, lang);
        return visits.Select(v => new VisitRow(v, countries.GetValueOrDefault(v.SentBy), names.GetValueOrDefault(v.SentBy) ?? "", v.Leader is { } l ? names.GetValueOrDefault(l) : null)).ToList();
    }
}
