using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record ParticipantInput(Guid Person, Guid Side);

/// <summary>A meeting to schedule: start and end are wall times in <see cref="Zone"/>, the place's zone.</summary>
public sealed record MeetingInput(
    [property: Required, MaxLength(300)] string? Title, [property: Required, MaxLength(300)] string? Place, [property: Required, MaxLength(64)] string? Zone, [property: Required] DateTime? Start, [property: Required] DateTime? End, IReadOnlyList<ParticipantInput>? Participants,
    IReadOnlyList<AgendaInput>? Agenda = null, Guid? Visit = null, Guid? TaskForce = null, Guid? Series = null, bool TimeUnknown = false, [property: MaxLength(2000)] string? Source = null);

/// <summary>
/// Schedule a meeting: its place and zone, wall times there (stored as UTC), participants each speaking for one
/// side with the post they hold on the day, an agenda, and what it belongs to (a visit, a proposal, a task force).
/// </summary>
public static class ScheduleMeeting
{
    public const Permission Needs = Permission.RecordEngagements;

    /// <summary>What the store says about the ids the input names; posts are those held on the meeting's day.</summary>
    public sealed record Known(
        IReadOnlySet<Guid> People, IReadOnlySet<Guid> Institutions, IReadOnlyDictionary<(Guid Person, Guid Side), string?> Posts,
        IReadOnlyDictionary<Guid, string> Names, IReadOnlySet<Guid> Letters, IReadOnlySet<Guid> Proposals, bool VisitKnown, bool TaskForceKnown,
        IReadOnlyDictionary<Guid, string?>? SideCountries = null, IReadOnlyDictionary<Guid, IReadOnlySet<string>>? PostCountries = null);

    /// <summary>
    /// A person whose every known post is in another country's institutions does not speak for this side (a US senator
    /// on the Federation Council committee's side). A person with no posts, or a side with no country, is not judged.
    /// </summary>
    public static bool SpeaksForAnotherCountry(Guid person, Guid side, IReadOnlyDictionary<Guid, string?>? sideCountries,
        IReadOnlyDictionary<Guid, IReadOnlySet<string>>? postCountries) =>
        sideCountries?.GetValueOrDefault(side) is { } country
        && postCountries?.GetValueOrDefault(person) is { Count: > 0 } countries
        && !countries.Contains(country);

    public static Result<MeetingScheduled> Decide(MeetingInput input, Known known, Guid? proposal, Guid id)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
            return EngagementErrors.MeetingTitle;
        if (string.IsNullOrWhiteSpace(input.Place) || input.Place.Length > 300)
            return EngagementErrors.MeetingPlace;
        if (Zones.Find(input.Zone) is not { } zone)
            return EngagementErrors.NotAZone(input.Zone);
        if (input.Start is not { } start || input.End is not { } end)
            return EngagementErrors.MeetingTimes(input.Start is null ? "start" : "end");
        if (end <= start)
            return EngagementErrors.MeetingEndsBeforeStart(end, start);
        if (end - start > TimeSpan.FromDays(14))
            return EngagementErrors.MeetingTooLong;
        var participants = input.Participants ?? [];
        if (participants.Count == 0)
            return EngagementErrors.NoParticipants;
        if (participants.GroupBy(p => p.Person).FirstOrDefault(g => g.Select(p => p.Side).Distinct().Count() > 1) is { } twice)
            return EngagementErrors.ParticipantOnTwoSides(known.Names.GetValueOrDefault(twice.Key, twice.Key.ToString()));
        var entries = new List<ParticipantEntry>();
        foreach (var p in participants.DistinctBy(p => p.Person))
        {
            if (!known.People.Contains(p.Person))
                return EngagementErrors.NoParticipantPerson(p.Person);
            if (!known.Institutions.Contains(p.Side))
                return EngagementErrors.NoParticipantSide(p.Side);
            if (SpeaksForAnotherCountry(p.Person, p.Side, known.SideCountries, known.PostCountries))
                return EngagementErrors.ParticipantOfAnotherCountry(known.Names.GetValueOrDefault(p.Person, p.Person.ToString()),
                    known.Names.GetValueOrDefault(p.Side, p.Side.ToString()), string.Join(", ", known.PostCountries![p.Person].Order()));
            entries.Add(new ParticipantEntry(p.Person, p.Side, known.Posts.GetValueOrDefault((p.Person, p.Side))));
        }
        var agenda = AgendaRules.Check(input.Agenda ?? [], entries.Select(e => e.Person), known.Letters, known.Proposals);
        if (!agenda.Succeeded)
            return agenda.Error!;
        if (input.Source is { Length: > Bounds.Source })
            return EngagementErrors.SourceTooLong;
        if (input.Visit is { } visit && !known.VisitKnown)
            return EngagementErrors.NoVisit(visit);
        if (input.TaskForce is { } force && !known.TaskForceKnown)
            return EngagementErrors.NoTaskForce(force);
        return new MeetingScheduled(id, input.Title.Trim(), input.Visit, proposal, input.TaskForce, input.Series ?? input.TaskForce ?? proposal,
            input.Place.Trim(), zone.Id, Zones.ToUtc(start, zone), Zones.ToUtc(end, zone), input.TimeUnknown, entries, agenda.Value!, input.Source);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, MeetingInput input, Guid? proposal, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(input, await KnownAsync(scope.Db, input, ct), proposal, Guid.CreateVersion7()), e => e.Id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/meetings", (UseCaseEdge edge, Actor actor, MeetingInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, body, null, c), id => ApiAnswers.Created($"/api/meetings/{id}", id), ct))
            .Requires(Needs).WithSummary("Schedule a meeting; start and end are wall times in the given tz zone").Creates();

    private static async Task<Known> KnownAsync(ParleyDb db, MeetingInput input, CancellationToken ct)
    {
        var participants = input.Participants ?? [];
        var people = participants.Select(p => p.Person).Distinct().ToList();
        var sides = participants.Select(p => p.Side).Distinct().ToList();
        var (letters, proposals) = AgendaRules.Links(input.Agenda ?? []);
        var day = DateOnly.FromDateTime(input.Start ?? DateTime.MinValue);
        var sideCountries = await db.Institutions.Where(i => sides.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.CountryCode, ct);
        var postCountries = await Posts.CountriesAsync(db, people, ct);
        // Names are only for a refusal: a person listed on two sides, or speaking for another country's side.
        var named = participants.GroupBy(p => p.Person).Any(g => g.Select(p => p.Side).Distinct().Count() > 1)
            || participants.Any(p => SpeaksForAnotherCountry(p.Person, p.Side, sideCountries, postCountries));
        return new Known(
            (await db.People.Where(p => people.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet(),
            sideCountries.Keys.ToHashSet(),
            await Posts.OnAsync(db, participants.Select(p => (p.Person, p.Side)).Distinct().ToList(), day, ct),
            named ? await Directory.DirectoryNames.NamesAsync(db, [.. people, .. sides], ct) : new Dictionary<Guid, string>(),
            (await db.Letters.Where(l => letters.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct)).ToHashSet(),
            (await db.Proposals.Where(p => proposals.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet(),
            input.Visit is { } visit && await db.Visits.AnyAsync(v => v.Id == visit, ct),
            input.TaskForce is { } force && await db.TaskForces.AnyAsync(t => t.Id == force, ct),
            sideCountries, postCountries);
    }
}
