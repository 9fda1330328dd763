using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record HoldRequest(IReadOnlyList<Guid>? Absent, [property: MaxLength(4000)] string? Outcome);

/// <summary>Record that a scheduled meeting took place: who of the invited was absent, and its outcome.</summary>
public static class HoldMeeting
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<MeetingHeld> Decide(Guid id, Meeting? meeting, IReadOnlyList<Guid>? absent, string? outcome)
    {
        if (meeting is null)
            return EngagementErrors.NoMeeting(id);
        if (meeting.Status != MeetingStatus.Scheduled)
            return EngagementErrors.MeetingNotScheduled(meeting.Status);
        if ((absent ?? []).FirstOrDefault(a => meeting.Participants.All(p => p.Person != a)) is var stranger && stranger != Guid.Empty)
            return EngagementErrors.NotInvited(stranger);
        if (outcome is { Length: > 4000 })
            return EngagementErrors.OutcomeTooLong;
        return new MeetingHeld(id, absent ?? [], string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim());
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, IReadOnlyList<Guid>? absent, string? outcome, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(id, await scope.Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct), absent, outcome), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/meetings/{id:guid}/held", (UseCaseEdge edge, Actor actor, Guid id, HoldRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.Absent, body.Outcome, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Record that a meeting took place, who was absent, and its outcome").Done();
}
