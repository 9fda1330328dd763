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

    public static StatementDto Dto(StatementView v) => new(
        v.Statement.Id,
        new SpeakerDto(v.Statement.Speaker, v.Speaker, v.Post),
        v.Statement.Medium, v.Statement.SaidOn, v.Statement.SaidAt, v.Statement.DateBasis, v.Statement.Language, v.Statement.Text,
        v.Statement.Translation is null ? null : new TranslationDto(v.Statement.TranslationLanguage, v.Statement.Translation),
        new SourceDto(v.Statement.Outlet, v.Statement.Url, v.Statement.SourceSha256),
        v.Links.Select(l => new LinkDto(l.Kind, l.Target, l.Label)).ToList());

    public static CommitmentDto Dto(Commitment c, DateOnly today) => new(
        c.Id, c.Statement, c.ByPerson, c.ByInstitution, c.What, c.DueFrom, c.DueBy, c.Letter, c.LetterReaches, c.Engagement,
        c.StateOn(today), c.FulfilledAt, c.FulfilledBy, c.FulfilmentNote);

    public static ProposedStatement Dto(Proposal p) => new(
        p.Number, p.Text, p.Language, new ProposedSpeaker(p.Speaker.Person, p.Speaker.Phrase, p.Speaker.Basis, p.Speaker.Candidates),
        p.Medium, p.Outlet, p.SaidOn, p.DateBasis, p.DayPhrase, p.Problem, p.Attribution);
}

/// <summary>A statement for the API: the speaker with their post on the day, the verbatim text, a translation kept apart, the source and the linked records.</summary>
public sealed record StatementDto(
    Guid Id, SpeakerDto Speaker, Medium Medium, DateOnly SaidOn, DateTime? SaidAt, DateBasis DateBasis, string Language, string Text,
    TranslationDto? Translation, SourceDto Source, IReadOnlyList<LinkDto> Links);

public sealed record SpeakerDto(Guid Id, string Name, string? Post);

public sealed record TranslationDto(string? Language, string Text);

public sealed record SourceDto(string? Outlet, string? Url, string? Sha256);

public sealed record LinkDto(RecordKind Kind, Guid Target, string Label);

/// <summary>A commitment and its state today; once fulfilled, when, by which ledger entry, and any note.</summary>
public sealed record CommitmentDto(
    Guid Id, Guid? Statement, Guid? ByPerson, Guid? ByInstitution, string What, DateOnly? DueFrom, DateOnly DueBy, Guid? Letter,
    Correspondence.LetterStatus? LetterReaches, Guid? Engagement, CommitmentState State, DateTime? FulfilledAt,
    [property: System.Text.Json.Serialization.JsonPropertyName("fulfilledByLedgerIndex")] long? FulfilledBy, string? FulfilmentNote);

/// <summary>A statement the press import proposes, with how its speaker was found (or the candidates to choose from).</summary>
public sealed record ProposedStatement(
    int Number, string Text, string Language, ProposedSpeaker Speaker, Medium Medium, string? Outlet, DateOnly? SaidOn, DateBasis DateBasis,
    string? DayPhrase, string? Problem, string Attribution);

public sealed record ProposedSpeaker(Guid? Id, string Phrase, SpeakerBasis Basis, IReadOnlyList<Guid> Candidates);
