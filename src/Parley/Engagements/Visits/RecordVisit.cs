using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record VisitInput(
    [property: Required, MaxLength(300)] string? Title, [property: Required, MaxLength(4000)] string? Purpose, Guid? Leader, [property: Required] Guid? SentBy, [property: Required, MaxLength(200)] string? Destination, [property: Required, MaxLength(2)] string? DestinationCountry, [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn,
    IReadOnlyList<Guid>? Travellers, [property: MaxLength(1000)] string? MembersNote = null, [property: MaxLength(2000)] string? Source = null,
    IReadOnlyList<Guid>? Met = null);

/// <summary>Record a visit: a delegation sent by an institution to a place for some days, with who travels (or why they are not named).</summary>
public static class RecordVisit
{
    public const Permission Needs = Permission.RecordEngagements;

    /// <summary>What the directory says about the ids and code the input names.</summary>
    public sealed record Known(bool SentByKnown, bool CountryKnown, IReadOnlySet<Guid> People);

    public static Result<VisitRecorded> Decide(VisitInput input, Known known, Guid id)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
            return EngagementErrors.VisitTitle;
        if (string.IsNullOrWhiteSpace(input.Purpose) || input.Purpose.Length > 4000)
            return EngagementErrors.VisitPurpose;
        if (input.SentBy is not { } sentBy || !known.SentByKnown)
            return EngagementErrors.VisitSentBy;
        if (string.IsNullOrWhiteSpace(input.Destination) || input.Destination.Length > 200)
            return EngagementErrors.VisitDestination;
        if (input.DestinationCountry is not { Length: 2 } country || !known.CountryKnown)
            return EngagementErrors.VisitCountry(input.DestinationCountry);
        if (input.StartsOn is not { } starts || input.EndsOn is not { } ends)
            return EngagementErrors.VisitDays(input.StartsOn is null ? "startsOn" : "endsOn");
        if (ends < starts)
            return EngagementErrors.VisitEndsBeforeStart(ends, starts);
        var travellers = Travellers(input);
        if (input.MembersNote is { Length: > 1000 })
            return EngagementErrors.MembersNoteTooLong;
        if (input.Source is { Length: > Bounds.Source })
            return EngagementErrors.SourceTooLong;
        if (travellers.Count == 0 && string.IsNullOrWhiteSpace(input.MembersNote))
            return EngagementErrors.VisitTravellers;
        if (travellers.FirstOrDefault(p => !known.People.Contains(p)) is var stranger && stranger != Guid.Empty)
            return EngagementErrors.NoPerson("travellers", stranger);
        var met = (input.Met ?? []).Distinct().ToList();
        if (met.FirstOrDefault(p => !known.People.Contains(p)) is var host && host != Guid.Empty)
            return EngagementErrors.NoPerson("met", host);
        if (met.FirstOrDefault(travellers.Contains) is var both && both != Guid.Empty)
            return EngagementErrors.MetTraveller(both);
        return new VisitRecorded(id, input.Title.Trim(), input.Purpose.Trim(), input.Leader, sentBy, input.Destination.Trim(), country.ToUpperInvariant(),
            starts, ends, travellers, string.IsNullOrWhiteSpace(input.MembersNote) ? null : input.MembersNote.Trim(), input.Source, met.Count == 0 ? null : met);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, VisitInput input, CancellationToken ct)
    {
        var db = scope.Db;
        var travellers = Travellers(input);
        var people = travellers.Concat(input.Met ?? []).Distinct().ToList();
        var country = input.DestinationCountry?.ToUpperInvariant();
        var known = new Known(
            input.SentBy is { } sentBy && await db.Institutions.AnyAsync(i => i.Id == sentBy, ct),
            country is { Length: 2 } && await db.Countries.AnyAsync(c => c.Code == country, ct),
            (await db.People.Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet());
        return await scope.RecordAsync(Decide(input, known, Guid.CreateVersion7()), e => e.Id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/visits", (UseCaseEdge edge, Actor actor, VisitInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, body, c), id => ApiAnswers.Created($"/api/visits/{id}", id), ct))
            .Requires(Needs).WithSummary("Record a visit").Creates();

    /// <summary>The travellers, each once, the leader first.</summary>
    private static List<Guid> Travellers(VisitInput input)
    {
        var travellers = (input.Travellers ?? []).Distinct().ToList();
        if (input.Leader is { } leader && !travellers.Contains(leader))
            travellers.Insert(0, leader);
        return travellers;
    }
}
