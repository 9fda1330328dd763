using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;

namespace Parley.Correspondence;

/// <summary>The register: a page of the letters an actor may see, and one letter's state for the use cases.</summary>
public static class LetterRegister
{
    public sealed record Row(LetterState State, LetterView View, CustodyView Custody);

    /// <summary>Register filters; each is optional. Text and topic match only where the user may read the register entry.</summary>
    public sealed record Filter(string? Text = null, LetterStatus? Status = null, bool OnlyExceptions = false, Guid? Sender = null,
        Guid? Addressee = null, string? Topic = null, DateOnly? From = null, DateOnly? To = null);

    public sealed record RegisterPage(IReadOnlyList<Row> Rows, int PageNumber, int PageSize, bool HasMore);

    /// <summary>The orders the register offers; each ends with the id so that pages never overlap.</summary>
    public enum Order
    {
        Recorded,
        /// <summary>Best match to the search text first (the default with text); without text, as <see cref="Recorded"/>.</summary>
        Relevance,
        RecordedOldest,
        Dated,
        DatedOldest,
    }

    /// <summary>One page of the register as the user may see it, in the order asked for (newest recorded first by default).</summary>
    public static async Task<RegisterPage> PageAsync(ParleyDb db, Actor actor, DateTime now, Filter filter, int page, int size, CancellationToken ct,
        Order? order = null)
    {
        (page, size) = (Math.Max(1, page), Math.Clamp(size, 1, 200));
        var (skip, rows) = ((page - 1) * size, new List<Row>());
        await foreach (var row in RowsAsync(db, actor, now, filter, order, ct))
        {
            if (skip > 0)
                skip--;
            else if (rows.Count <= size)
                rows.Add(row);
            else
                break;
        }
        return new RegisterPage(rows.Take(size).ToList(), page, size, rows.Count > size);
    }

    /// <summary>
    /// Every row of the register the user may see, in order. Parties, dates, text, status, topic and "exceptions now"
    /// narrow the rows in SQL; what the user may see of each row needs who carried it, so rows are read in chunks:
    /// memory stays bounded whatever the register's size (a page stops reading once it is full; an export reads on).
    /// </summary>
    public static async IAsyncEnumerable<Row> RowsAsync(ParleyDb db, Actor actor, DateTime now, Filter filter, Order? order,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var terms = SearchText.Query(filter.Text);
        var institution = actor.Institution;
        var auditor = actor.IsAuditor;
        // An auditor reads the whole register; anyone else the letters their institution is a party to,
        // through letter_parties' (institution, registered-at) index, so a page stops after a page's worth of rows.
        var letters = db.Letters.AsNoTracking();
        if (filter.Sender is { } sender)
            letters = letters.Where(l => l.SenderInstitution == sender);
        if (filter.Addressee is { } addressee)
            letters = letters.Where(l => l.AddresseeInstitution == addressee);
        if (filter.From is { } from)
            letters = letters.Where(l => l.Dated >= from);
        if (filter.To is { } to)
            letters = letters.Where(l => l.Dated <= to);
        // Status and the time an exception first shows are kept in columns by the projection (on the letter for
        // the auditor's whole register, on each party row for an institution's); the exact rules and what this
        // user may see are still applied to each row below, so SQL only has to narrow.
        var parties = db.LetterParties.Where(p => p.InstitutionId == institution);
        if (filter.Status is { } status)
            (letters, parties) = auditor ? (letters.Where(l => l.Status == status), parties) : (letters, parties.Where(p => p.Status == status));
        if (filter.OnlyExceptions)
        {
            (letters, parties) = auditor
                ? (letters.Where(l => l.AttentionFrom != null && l.AttentionFrom <= now), parties)
                : (letters, parties.Where(p => p.AttentionFrom != null && p.AttentionFrom <= now));
        }
        if (filter.Topic is { Length: > 0 } topicFilter)
        {
            var topic = LetterSearch.Topic(topicFilter);
            letters = letters.Where(l => db.LetterTopics.Any(t => t.Topic == topic && t.LetterId == l.Id));
        }
        var visible = auditor ? letters : from party in parties join letter in letters on party.LetterId equals letter.Id select letter;
        IQueryable<Guid> ordered;
        if (terms.Count > 0)
        {
            // The search index finds the letters holding every term (number, subject, topics, parties' names); the
            // rest of the filter and what this user may see narrow them. Ranked unless another order is asked for.
            var hits = SearchIndex.Hits(db, LetterSearch.Kind, terms);
            ordered = (order ?? Order.Relevance) switch
            {
                Order.Relevance => from letter in visible
                                   join hit in hits on letter.Id equals hit.Id
                                   orderby hit.Rank, letter.RegisteredAt descending, letter.Id descending
                                   select letter.Id,
                var other => Ordered(visible.Where(l => hits.Any(h => h.Id == l.Id)), other).Select(l => l.Id),
            };
        }
        else
        {
            ordered = order is null or Order.Recorded or Order.Relevance && !auditor
                // The default order for an institution follows its party rows' index.
                ? from party in parties
                  join letter in letters on party.LetterId equals letter.Id
                  orderby party.RegisteredAt descending, party.LetterId descending
                  select letter.Id
                : Ordered(visible, order ?? Order.Recorded).Select(l => l.Id);
        }
        const int chunk = 500;
        for (var offset = 0; ;)
        {
            // The ids in order first (a search hit has no key EF Core could join the letters' routes to), then the letters.
            var ids = await ordered.Skip(offset).Take(chunk).ToListAsync(ct);
            if (ids.Count == 0)
                yield break;
            offset += ids.Count;
            var loaded = (await db.Letters.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync(ct)).ToDictionary(l => l.Id);
            var batch = ids.Select(id => loaded[id]).ToList();
            var carriers = (await db.LetterParties.AsNoTracking().Where(p => p.Carried && ids.Contains(p.LetterId))
                .Select(p => new { p.LetterId, p.InstitutionId }).ToListAsync(ct)).ToLookup(p => p.LetterId, p => p.InstitutionId);
            var replied = (await db.Letters.AsNoTracking().Where(l => l.InReplyTo != null && ids.Contains(l.InReplyTo.Value))
                .Select(l => l.InReplyTo!.Value).ToListAsync(ct)).ToHashSet();
            foreach (var letter in batch)
            {
                if (Matches(actor, new LetterState(letter, carriers[letter.Id].ToHashSet(), replied.Contains(letter.Id)), now, filter, terms) is { } row)
                    yield return row;
            }
        }
    }

    private static IQueryable<Letter> Ordered(IQueryable<Letter> letters, Order order) => order switch
    {
        Order.RecordedOldest => letters.OrderBy(l => l.RegisteredAt).ThenBy(l => l.Id),
        Order.Dated => letters.OrderByDescending(l => l.Dated).ThenByDescending(l => l.RegisteredAt).ThenByDescending(l => l.Id),
        Order.DatedOldest => letters.OrderBy(l => l.Dated).ThenBy(l => l.RegisteredAt).ThenBy(l => l.Id),
        _ => letters.OrderByDescending(l => l.RegisteredAt).ThenByDescending(l => l.Id),
    };

    private static Row? Matches(Actor actor, LetterState state, DateTime now, Filter filter, IReadOnlyList<string> terms)
    {
        var letter = state.Letter;
        var view = LetterAccess.ViewOf(actor, state);
        if (view == LetterView.None)
            return null;
        var custody = Custody.View(state, now);
        if ((filter.Status is { } wanted && custody.Status != wanted) || (filter.OnlyExceptions && custody.Exceptions.Count == 0))
            return null;
        // A holder who sees only the envelope may find a letter by its number, never by what it is about.
        if (view < LetterView.Metadata && ((filter.Topic is { Length: > 0 }) || (terms.Count > 0 && !SearchText.Matches(letter.Number, terms))))
            return null;
        return new Row(state, view, custody);
    }

    public static async Task<LetterState?> LoadAsync(ParleyDb db, Guid id, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().AsSingleQuery().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null)
            return null;
        var carriers = await db.LetterParties.AsNoTracking().Where(p => p.LetterId == id && p.Carried).Select(p => p.InstitutionId).ToListAsync(ct);
        return new LetterState(letter, carriers.ToHashSet(), await db.Letters.AnyAsync(l => l.InReplyTo == id, ct));
    }

    /// <summary>A letter's hand-overs in the order they happened, for the pages that show its history.</summary>
    public static async Task<IReadOnlyList<Handover>> HandoversAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.Handovers.AsNoTracking().Where(h => h.LetterId == id).OrderBy(h => h.At).ThenBy(h => h.RecordedIndex).ToListAsync(ct);

    /// <summary>One hand-over of the letter, or null; tracked, so that the projection of its answer reads it no more.</summary>
    public static async Task<Handover?> HandoverAsync(ParleyDb db, Guid letterId, Guid handoverId, CancellationToken ct) =>
        await db.FindRowAsync<Handover>([handoverId], ct) is { } handover && handover.LetterId == letterId ? handover : null;

    /// <summary>
    /// The letter for a write, with what this scope recorded so far (a story may register and route in one write). Its rows
    /// stay tracked, so the projection of the step decided on it reads none of them again; the state is the letter as it
    /// was when the decision was made, and changes once the scope records.
    /// </summary>
    public static async Task<LetterState> RequireAsync(WriteScope scope, Guid id, CancellationToken ct)
    {
        // Events recorded earlier in this write are read back by what follows (the bytes a receiver signs).
        await scope.SaveAsync(ct);
        var db = scope.Db;
        if (await db.FindRowAsync<Letter>([id], ct) is not { } letter)
            throw new DomainException(CorrespondenceErrors.NoLetter(id));
        if (db.Entry(letter).State != EntityState.Added)
            await db.LetterParties.Where(p => p.LetterId == id).LoadAsync(ct);
        var carriers = db.LetterParties.Local.Where(p => p.LetterId == id && p.Carried).Select(p => p.InstitutionId).ToHashSet();
        var replied = letter.Status == LetterStatus.Replied || db.Letters.Local.Any(l => l.InReplyTo == id) || await db.Letters.AnyAsync(l => l.InReplyTo == id, ct);
        return new LetterState(letter, carriers, replied);
    }
}
