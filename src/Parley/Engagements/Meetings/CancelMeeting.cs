using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record CancelRequest([property: MaxLength(1000)] string? Reason);

/// <summary>Cancel a scheduled meeting with the reason; feeds then mark it CANCELLED.</summary>
public static class CancelMeeting
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<MeetingCancelled> Decide(Guid id, Meeting? meeting, string? reason)
    {
        if (meeting is null)
            return EngagementErrors.NoMeeting(id);
        if (meeting.Status != MeetingStatus.Scheduled)
            return EngagementErrors.MeetingNotScheduled(meeting.Status);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
            return EngagementErrors.CancelReason;
        return new MeetingCancelled(id, reason.Trim());
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, string? reason, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(id, await scope.Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct), reason), _ => id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/meetings/{id:guid}/cancel", (UseCaseEdge edge, Actor actor, Guid id, CancelRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.Reason, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Cancel a scheduled meeting, with the reason; feeds then mark it CANCELLED").Done();
}
