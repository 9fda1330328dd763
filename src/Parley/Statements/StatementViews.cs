using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Statements;

/// <summary>A statement as pages and the API show it: the speaker's name and post on that day, and its links named.</summary>
public sealed record StatementView(Statement Statement, string Speaker, string? Post, IReadOnlyList<LinkView> Links);

public sealed record LinkView(RecordKind Kind, Guid Target, string Label, string Href);

public static class StatementViews
{
    public static async Task<IReadOnlyList<StatementView>> ForAsync(ParleyDb db, IReadOnlyList<Statement> statements, CancellationToken ct)
    {
        var speakers = statements.Select(s => s.Speaker).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => speakers.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var posts = await (from m in db.Memberships.AsNoTracking()
                           where speakers.Contains(m.PersonId)
                           join i in db.Institutions on m.InstitutionId equals i.Id
                           select new { m.PersonId, m.Role, Institution = i.Name, m.Start, m.End }).ToListAsync(ct);
        var labels = await LabelsAsync(db, statements.SelectMany(s => s.Links).ToList(), ct);
        return statements.Select(s =>
        {
            var post = posts.Where(p => p.PersonId == s.Speaker && (p.Start is null || p.Start <= s.SaidOn) && (p.End is null || p.End >= s.SaidOn))
                .Select(p => $"{p.Role}, {p.Institution}").FirstOrDefault();
            var links = s.Links.Select(l => labels.TryGetValue(l.Target, out var label) ? new LinkView(l.Kind, l.Target, label, Href(l)) : new LinkView(l.Kind, l.Target, l.Target.ToString(), Href(l))).ToList();
            return new StatementView(s, people.GetValueOrDefault(s.Speaker, s.Speaker.ToString()), post, links);
        }).ToList();
    }

    private static string Href(RecordLink link) => link.Kind switch
    {
        RecordKind.Letter => $"/letters/{link.Target}",
        RecordKind.Person => $"/people/{link.Target}",
        RecordKind.Institution => $"/institutions/{link.Target}",
        RecordKind.Statement => $"/statements/{link.Target}",
        RecordKind.Visit => $"/visits/{link.Target}",
        RecordKind.Meeting => $"/meetings/{link.Target}",
        RecordKind.Proposal => $"/proposals/{link.Target}",
        RecordKind.TaskForce => $"/task-forces/{link.Target}",
    };

    /// <summary>Labels for linked records; a letter is named by its number only (its subject is for those who may read it).</summary>
    private static async Task<Dictionary<Guid, string>> LabelsAsync(ParleyDb db, List<RecordLink> links, CancellationToken ct)
    {
        var ids = links.Select(l => l.Target).Distinct().ToList();
        var labels = new Dictionary<Guid, string>();
        foreach (var l in await db.Letters.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Number }).ToListAsync(ct))
            labels[l.Id] = $"Letter {l.Number}";
        foreach (var p in await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            labels[p.Id] = p.Name;
        foreach (var i in await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
            labels[i.Id] = i.Name;
        foreach (var s in await db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.SaidOn }).ToListAsync(ct))
            labels[s.Id] = $"Statement of {s.SaidOn:yyyy-MM-dd}";
        foreach (var v in await db.Visits.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Title }).ToListAsync(ct))
            labels[v.Id] = v.Title;
        foreach (var m in await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Title }).ToListAsync(ct))
            labels[m.Id] = m.Title;
        foreach (var p in await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            labels[p.Id] = p.Title;
        foreach (var t in await db.TaskForces.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            labels[t.Id] = t.Name;
        return labels;
    }

    public static object Dto(StatementView v) => new
    {
        id = v.Statement.Id,
        speaker = new { id = v.Statement.Speaker, name = v.Speaker, post = v.Post },
        medium = v.Statement.Medium,
        saidOn = v.Statement.SaidOn,
        saidAt = v.Statement.SaidAt,
        dateBasis = v.Statement.DateBasis,
        language = v.Statement.Language,
        text = v.Statement.Text,
        translation = v.Statement.Translation is null ? null : new { language = v.Statement.TranslationLanguage, text = v.Statement.Translation },
        source = new { outlet = v.Statement.Outlet, url = v.Statement.Url, sha256 = v.Statement.SourceSha256 },
        links = v.Links.Select(l => new { kind = l.Kind, target = l.Target, label = l.Label }),
    };

    public static object Dto(Commitment c, DateOnly today) => new
    {
        id = c.Id,
        statement = c.Statement,
        byPerson = c.ByPerson,
        byInstitution = c.ByInstitution,
        what = c.What,
        dueFrom = c.DueFrom,
        dueBy = c.DueBy,
        letter = c.Letter,
        letterReaches = c.LetterReaches,
        engagement = c.Engagement,
        state = c.StateOn(today),
        fulfilledAt = c.FulfilledAt,
        fulfilledByLedgerIndex = c.FulfilledBy,
        fulfilmentNote = c.FulfilmentNote,
    };

    public static object Dto(Proposal p) => new
    {
        number = p.Number,
        text = p.Text,
        language = p.Language,
        speaker = new { id = p.Speaker.Person, phrase = p.Speaker.Phrase, basis = p.Speaker.Basis, candidates = p.Speaker.Candidates },
        medium = p.Medium,
        outlet = p.Outlet,
        saidOn = p.SaidOn,
        dateBasis = p.DateBasis,
        dayPhrase = p.DayPhrase,
        problem = p.Problem,
        attribution = p.Attribution,
    };
}
