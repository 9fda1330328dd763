using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

/// <summary>JSON API for visits, meetings, agendas, minutes and action items.</summary>
public static class EngagementApi
{
    public static void MapEngagementApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Engagements").Requires(Permission.ReadEngagements);
        read.MapGet("/visits", async (ParleyDb db, string? q, string? country, string? with, int? from, int? to, Guid? person, int? page, CancellationToken ct) =>
        {
            var filter = new VisitRegister.Filter(q, country, with, from, to, person);
            if (from > to)
                return new DomainError("from", $"The first year ({from}) is after the last ({to}).").ToProblem();
            var number = Math.Max(1, page ?? 1);
            var (rows, more, total) = await VisitRegister.PageAsync(db, filter, number, 50, ct);
            return Results.Ok(new VisitPage(rows.Select(VisitItem.Of).ToList(), number, more, total));
        }).Produces<VisitPage>().WithSummary("Visits (delegations), newest first, 50 a page: by words, a country on either end (country), the pair of countries between which they went (country and with), years (from, to) and a traveller or host (person)");
        read.MapGet("/visits/timeline", async (ParleyDb db, string? country, string? with, int? from, int? to, CancellationToken ct) =>
        {
            if (country is not { Length: 2 } || with is not { Length: 2 })
                return new DomainError(country is { Length: 2 } ? "with" : "country", "Name two countries by their two-letter codes, e.g. country=US&with=RU.").ToProblem();
            var rows = await VisitRegister.TimelineAsync(db, new VisitRegister.Filter(Country: country, With: with, FromYear: from, ToYear: to), ct);
            return Results.Ok(rows.Select(VisitItem.Of).ToList());
        }).Produces<VisitItem[]>().WithSummary("The visits between two countries, each way, oldest first (at most 2,000)");
        read.MapGet("/visits/{id:guid}", async (ParleyDb db, Guid id, CancellationToken ct) =>
        {
            if (await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is not { } visit)
                return Results.Problem($"No visit {id}.", statusCode: 404);
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.Visit == id).OrderBy(m => m.StartsAt).ToListAsync(ct);
            var met = meetings.SelectMany(m => m.Participants.Select(p => p.Side)).Where(s => s != visit.SentBy).Distinct().ToList();
            return Results.Ok(new VisitDetail(visit, meetings.Select(m => new VisitMeeting(m.Id, m.Title, m.StartsAt, m.Status)).ToList(), met,
                await VisitRegister.HostsAsync(db, visit, ct)));
        }).Produces<VisitDetail>().WithSummary("A visit with its meetings, the institutions met and the people its travellers met");
        read.MapGet("/meetings", async (ParleyDb db, Actor actor, DateTime? from, DateTime? to, Guid? person, Guid? series, CancellationToken ct) =>
        {
            var query = db.Meetings.AsNoTracking();
            if (from is { } f)
                query = query.Where(m => m.EndsAt >= f);
            if (to is { } t)
                query = query.Where(m => m.StartsAt < t);
            if (person is { } p)
                query = query.Where(m => m.Participants.Any(x => x.Person == p));
            if (series is { } s)
                query = query.Where(m => m.Series == s);
            var meetings = await query.OrderBy(m => m.StartsAt).Take(1000).ToListAsync(ct);
            var names = await Parley.Directory.DirectoryNames.NamesAsync(db, meetings.SelectMany(m => m.Participants.SelectMany(x => new[] { x.Person, x.Side })), ct);
            var zone = await EngagementViews.ViewerZoneAsync(db, actor, ct);
            return Results.Ok(meetings.Select(m => EngagementViews.Meeting(m, names, zone)));
        }).Produces<MeetingDto[]>().WithSummary("Meetings in a period (UTC bounds), for a person or a series; times also in the place's and the viewer's zone");
        read.MapGet("/meetings/{id:guid}", async (ParleyDb db, Actor actor, Guid id, CancellationToken ct) =>
        {
            if (await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
                return Results.Problem($"No meeting {id}.", statusCode: 404);
            var minutes = await db.Minutes.AsNoTracking().Where(v => v.Meeting == id).OrderBy(v => v.Version).ToListAsync(ct);
            var actions = await db.Actions.AsNoTracking().Where(a => a.Meeting == id).OrderBy(a => a.DueOn).ToListAsync(ct);
            var carried = await Series.CarriedOverAsync(db, meeting, ct);
            var next = await Series.NextAsync(db, meeting, ct);
            var names = await Parley.Directory.DirectoryNames.NamesAsync(db, meeting.Participants.SelectMany(p => new[] { p.Person, p.Side }).Concat(actions.Concat(carried).Select(a => a.Owner)), ct);
            return Results.Ok(new MeetingDetail(
                EngagementViews.Meeting(meeting, names, await EngagementViews.ViewerZoneAsync(db, actor, ct)),
                minutes.Select(EngagementViews.Minutes).ToList(),
                actions.Select(a => EngagementViews.Action(a, names)).ToList(),
                carried.Select(a => EngagementViews.Action(a, names)).ToList(),
                next?.Id));
        }).Produces<MeetingDetail>().WithSummary("A meeting with its minutes (every version), action items, and items carried over from earlier meetings of its series");
        read.MapGet("/people/{id:guid}/relationships", async (ParleyDb db, Guid id, CancellationToken ct) =>
        {
            var ties = await Relationships.TiesAsync(db, [id], ct);
            var names = await Parley.Directory.DirectoryNames.NamesAsync(db, ties.Select(t => t.Counterpart), ct);
            return Results.Ok(ties.Select(t => new TieDto(t.Counterpart, names.GetValueOrDefault(t.Counterpart), t.Meetings, t.LastMet, t.LastMetOn)));
        }).Produces<TieDto[]>().WithSummary("Whom a person has met across the sides, how often and when last (from attendance)");

        // Each write is mapped beside its use case, with the permission it needs.
        var writes = app.MapGroup("/api").WithTags("Engagements");
        RecordVisit.Map(writes);
        ScheduleMeeting.Map(writes);
        SetAgenda.Map(writes);
        HoldMeeting.Map(writes);
        CancelMeeting.Map(writes);
        RecordMinutes.Map(writes);
        RaiseAction.Map(writes);
        CloseAction.Map(writes);
    }
}

/// <summary>A visit with its meetings, the institutions met (other than the one that sent it) and the hosts its travellers met.</summary>
public sealed record VisitDetail(Visit Visit, IReadOnlyList<VisitMeeting> Meetings, IReadOnlyList<Guid> InstitutionsMet, IReadOnlyList<Guid> PeopleMet);

/// <summary>A visit in a list: its days, where it came from (the sending institution's country) and went, and who led it.</summary>
public sealed record VisitItem(Guid Id, string Title, DateOnly StartsOn, DateOnly EndsOn, Guid SentBy, string? FromCountry, string Destination, string DestinationCountry, Guid? Leader, string? LeaderName)
{
    public static VisitItem Of(VisitRow r) =>
        new(r.Visit.Id, r.Visit.Title, r.Visit.StartsOn, r.Visit.EndsOn, r.Visit.SentBy, r.FromCountry, r.Visit.Destination, r.Visit.DestinationCountry, r.Visit.Leader, r.Leader);
}

public sealed record VisitPage(IReadOnlyList<VisitItem> Items, int PageNumber, bool HasMore, int Total);

public sealed record VisitMeeting(Guid Id, string Title, DateTime StartsAt, MeetingStatus Status);

/// <summary>A meeting with every version of its minutes, its action items, and those carried over from earlier meetings of its series.</summary>
public sealed record MeetingDetail(MeetingDto Meeting, IReadOnlyList<MinutesDto> Minutes, IReadOnlyList<ActionDto> Actions, IReadOnlyList<ActionDto> CarriedOver, Guid? NextInSeries);

/// <summary>Whom a person has met across the sides: how often, the last meeting's instant and its day.</summary>
public sealed record TieDto(Guid Counterpart, string? Name, int Meetings, DateTime LastMet, DateOnly LastMetOn);
