using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Statements;

/// <summary>The statements register's reads: search, fingerprints, and the lookups forms use to name a linked record.</summary>
public static class StatementRegister
{
    public const int MaxText = 20_000;

    /// <summary>Statements in the search index: text, translation, outlet and the speaker's names.</summary>
    public const string SearchKind = "statement";

    public sealed record Filter(string? Text = null, Guid? Speaker = null, Medium? Medium = null, DateOnly? From = null, DateOnly? To = null, RecordKind? Kind = null, Guid? Target = null);

    public static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The one letter a form names by its number: "2018/1", or where registries share numbers, "2018/1 (registry)" as the
    /// register shows it. When several letters match, the refusal lists each as it can be entered.
    /// </summary>
    public static async Task<Result<Guid>> LetterNumberedAsync(ParleyDb db, string entered, CancellationToken ct) =>
        Pick(entered, await LettersNumberedAsync(db, entered, ct));

    /// <summary>The decision on the letters an entry matched: the one, or the refusal naming none or each of several.</summary>
    public static Result<Guid> Pick(string entered, IReadOnlyList<LetterMatch> matches) =>
        matches.Count == 1 ? Result<Guid>.Ok(matches[0].Id) : StatementErrors.LetterNumber(entered.Trim(), matches.Select(m => m.Label).ToList());

    public sealed record LetterMatch(Guid Id, string Label);

    /// <summary>The letters an entry could mean, each labelled as it can be entered to mean only it.</summary>
    public static async Task<IReadOnlyList<LetterMatch>> LettersNumberedAsync(ParleyDb db, string entered, CancellationToken ct)
    {
        var text = entered.Trim();
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        var (number, registry) = open > 0 && text.EndsWith(')') ? (text[..open].Trim(), text[(open + 2)..^1].Trim()) : (text, null);
        var letters = await db.Letters.AsNoTracking().Where(l => l.Number == number)
            .Join(db.Institutions, l => l.Registry, i => i.Id, (l, i) => new { l.Id, l.Number, Registry = i.Name }).Take(50).ToListAsync(ct);
        return letters.Where(l => registry is null || string.Equals(l.Registry, registry, StringComparison.OrdinalIgnoreCase))
            .Select(l => new LetterMatch(l.Id, Correspondence.Numbering.WithRegistry(l.Number, l.Registry))).ToList();
    }

    public static async Task<bool> LinkExistsAsync(ParleyDb db, LinkInput link, CancellationToken ct) => link.Kind switch
    {
        RecordKind.Letter => await db.Letters.AnyAsync(l => l.Id == link.Target, ct),
        RecordKind.Person => await db.People.AnyAsync(p => p.Id == link.Target, ct),
        RecordKind.Institution => await db.Institutions.AnyAsync(i => i.Id == link.Target, ct),
        RecordKind.Statement => await db.Statements.AnyAsync(s => s.Id == link.Target, ct),
        RecordKind.Visit => await db.Visits.AnyAsync(v => v.Id == link.Target, ct),
        RecordKind.Meeting => await db.Meetings.AnyAsync(m => m.Id == link.Target, ct),
        RecordKind.Proposal => await db.Proposals.AnyAsync(p => p.Id == link.Target, ct),
        RecordKind.TaskForce => await db.TaskForces.AnyAsync(t => t.Id == link.Target, ct),
    };

    public static async Task<(IReadOnlyList<Statement> Rows, bool HasMore)> PageAsync(ParleyDb db, Filter filter, int page, int size, CancellationToken ct)
    {
        (page, size) = (Math.Max(1, page), Math.Clamp(size, 1, 200));
        var query = db.Statements.AsNoTracking();
        if (filter.Speaker is { } speaker)
            query = query.Where(s => s.Speaker == speaker);
        if (filter.Medium is { } medium)
            query = query.Where(s => s.Medium == medium);
        if (filter.From is { } from)
            query = query.Where(s => s.SaidOn >= from);
        if (filter.To is { } to)
            query = query.Where(s => s.SaidOn <= to);
        if (filter.Kind is { } kind && filter.Target is { } target)
            query = query.Where(s => s.Links.Any(l => l.Kind == kind && l.Target == target));
        var terms = SearchText.Query(filter.Text);
        // With text, the best matches first (text, translation, outlet and the speaker's names, from the search index).
        var ordered = terms.Count > 0
            ? from s in query
              join hit in SearchIndex.Hits(db, SearchKind, terms) on s.Id equals hit.Id
              orderby hit.Rank, s.SaidOn descending, s.Id descending
              select s.Id
            : query.OrderByDescending(s => s.SaidOn).ThenByDescending(s => s.Id).Select(s => s.Id);
        // The ids in order first (a search hit has no key EF Core could join the statements' links to), then the statements.
        var ids = await ordered.Skip((page - 1) * size).Take(size + 1).ToListAsync(ct);
        var loaded = (await db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct)).ToDictionary(s => s.Id);
        var rows = ids.Select(id => loaded[id]).ToList();
        return (rows.Take(size).ToList(), rows.Count > size);
    }
}
