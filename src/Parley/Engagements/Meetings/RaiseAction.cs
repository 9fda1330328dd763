using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record ActionRequest([property: Required, MaxLength(1000)] string? What, [property: Required] Guid? Owner, [property: Required] DateOnly? DueOn);

/// <summary>Raise an action item at a meeting: what, who owns it, when it is due. Open items carry over to later meetings of the series.</summary>
public static class RaiseAction
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<ActionRaised> Decide(Guid meeting, bool meetingKnown, string? what, Guid? owner, bool ownerKnown, DateOnly? dueOn, Guid id)
    {
        if (!meetingKnown)
            return EngagementErrors.NoMeeting(meeting);
        if (string.IsNullOrWhiteSpace(what) || what.Length > 1000)
            return EngagementErrors.ActionWhat;
        if (owner is not { } person)
            return EngagementErrors.ActionOwnerMissing;
        if (!ownerKnown)
            return EngagementErrors.ActionOwnerUnknown(person);
        if (dueOn is not { } due)
            return EngagementErrors.ActionDue;
        return new ActionRaised(id, meeting, what.Trim(), person, due);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid meeting, string? what, Guid? owner, DateOnly? dueOn, CancellationToken ct)
    {
        var db = scope.Db;
        return await scope.RecordAsync(Decide(meeting, await db.Meetings.AnyAsync(m => m.Id == meeting, ct), what, owner,
            owner is { } person && await db.People.AnyAsync(p => p.Id == person, ct), dueOn, Guid.CreateVersion7()), e => e.Id, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/meetings/{id:guid}/actions", (UseCaseEdge edge, Actor actor, Guid id, ActionRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.What, body.Owner, body.DueOn, c), a => ApiAnswers.Created($"/api/meetings/{id}", a), ct))
            .Requires(Needs).WithSummary("Raise an action item at a meeting").Creates();
}
