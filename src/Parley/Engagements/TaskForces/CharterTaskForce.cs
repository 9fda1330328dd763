using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record TaskForceInput(
    [property: Required, MaxLength(300)] string? Name, [property: Required, MaxLength(4000)] string? Purpose, [property: Required] Guid? SideA, [property: Required] Guid? SideB, [property: Required] Guid? Oversight, [property: Required, MaxLength(20000)] string? Charter, int? SeatsPerSide, int? AllowedDifference,
    [property: MaxLength(500)] string? Cadence, [property: Required] DateTime? FirstMeeting, [property: Required, MaxLength(64)] string? Zone, int? DurationMinutes, bool AlternateHosts = true, [property: MaxLength(4000)] string? StandingAgenda = null, [property: MaxLength(2000)] string? Source = null);

/// <summary>Propose a standing task force: its two sides, charter, seats, balance and cadence (an RFC 5545 RRULE), for the oversight institution to approve.</summary>
public static class CharterTaskForce
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<TaskForceChartered> Decide(TaskForceInput input, IReadOnlySet<Guid> knownInstitutions, Guid id)
    {
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 300)
            return EngagementErrors.TaskForceName;
        if (string.IsNullOrWhiteSpace(input.Purpose) || input.Purpose.Length > 4000)
            return EngagementErrors.TaskForcePurpose;
        foreach (var (field, side) in new[] { ("sideA", input.SideA), ("sideB", input.SideB), ("oversight", input.Oversight) })
        {
            if (side is not { } value || !knownInstitutions.Contains(value))
                return EngagementErrors.TaskForceSide(field, side);
        }
        if (input.SideA == input.SideB)
            return EngagementErrors.TaskForceSameSides;
        if (string.IsNullOrWhiteSpace(input.Charter) || input.Charter.Length > 20_000)
            return EngagementErrors.Charter;
        if (input.SeatsPerSide is not (>= 1 and <= 100))
            return EngagementErrors.Seats;
        if (input.AllowedDifference is not { } difference || difference < 0 || difference > input.SeatsPerSide)
            return EngagementErrors.AllowedDifference;
        if (Cadence.Check(input.Cadence, input.AlternateHosts) is { } fault)
            return EngagementErrors.CadenceFault(fault);
        if (Zones.Find(input.Zone) is not { } zone)
            return EngagementErrors.NotAZone(input.Zone, "for example Europe/Moscow");
        if (input.FirstMeeting is not { } first)
            return EngagementErrors.FirstMeeting;
        if (input.DurationMinutes is not (>= 15 and <= 1440))
            return EngagementErrors.SeriesDuration;
        if (input.StandingAgenda is { Length: > 4000 })
            return EngagementErrors.StandingAgendaTooLong;
        if (input.Source is { Length: > Bounds.Source })
            return EngagementErrors.SourceTooLong;
        // The first meeting is a wall time in the series' zone, not an instant.
        return new TaskForceChartered(id, input.Name.Trim(), input.Purpose.Trim(), input.SideA!.Value, input.SideB!.Value, input.Oversight!.Value,
            input.Charter.Trim(), input.SeatsPerSide.Value, difference, input.Cadence!.Trim().ToUpperInvariant(), DateTime.SpecifyKind(first, DateTimeKind.Unspecified),
            zone.Id, input.DurationMinutes.Value, input.AlternateHosts, input.StandingAgenda?.Trim() ?? "", input.Source);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, TaskForceInput input, CancellationToken ct)
    {
        var named = new[] { input.SideA, input.SideB, input.Oversight }.OfType<Guid>().ToList();
        var known = (await scope.Db.Institutions.Where(i => named.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        return await scope.RecordAsync(Decide(input, known, Guid.CreateVersion7()), e => e.Id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/task-forces", (UseCaseEdge edge, Actor actor, TaskForceInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, body, c), id => ApiAnswers.Created($"/api/task-forces/{id}", id), ct))
            .Requires(Needs).WithSummary("Propose a task force with its charter, sides, seats and cadence (an RFC 5545 RRULE)").Creates();
}
