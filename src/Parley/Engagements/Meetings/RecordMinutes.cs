using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record MinutesRequest(MinutesCommand Command, [property: MaxLength(100000)] string? Text, [property: MaxLength(100000)] string? Correcting);

public enum MinutesCommand
{
    Draft,
    Share,
    Comment,
    Approve,
}

/// <summary>Minutes: draft → shared for comments → approved and locked; a later correction is a new version, never an overwrite.</summary>
public static class RecordMinutes
{
    public const Permission Needs = Permission.RecordEngagements;

    /// <summary>The decision: given the latest version, what a command records (or why it may not).</summary>
    public static Result<EngagementEvent> Decide(Guid meeting, MinutesVersion? latest, MinutesCommand command, string? text, string? correcting) => command switch
    {
        MinutesCommand.Draft => DecideDraft(meeting, latest, text, correcting),
        MinutesCommand.Comment when latest is { State: MinutesState.SharedForComments } => string.IsNullOrWhiteSpace(text) || text.Length > 4000
            ? new DomainError("text", "Write the comment, up to 4,000 characters.")
            : Result<EngagementEvent>.Ok(new MinutesCommented(meeting, latest.Version, text.Trim())),
        MinutesCommand.Comment => new DomainError("minutes", latest is null ? "There are no minutes to comment on yet."
            : $"Version {latest.Version} is {(latest.State == MinutesState.Approved ? "approved and locked" : "still a draft")}; comments are taken while minutes are shared for comments.", ErrorKind.Conflict),
        MinutesCommand.Share when latest is { State: MinutesState.Draft } => Result<EngagementEvent>.Ok(new MinutesShared(meeting, latest.Version)),
        MinutesCommand.Approve when latest is { State: MinutesState.SharedForComments } => Result<EngagementEvent>.Ok(new MinutesApproved(meeting, latest.Version)),
        MinutesCommand.Share or MinutesCommand.Approve => new DomainError("minutes", latest switch
        {
            null => "There are no minutes yet; write a draft first.",
            { State: MinutesState.Approved } => $"Version {latest.Version} is already approved and locked.",
            { State: MinutesState.Draft } => $"Share version {latest.Version} for comments before approving it.",
            _ => $"Version {latest.Version} is already shared for comments.",
        }, ErrorKind.Conflict),
    };

    private static Result<EngagementEvent> DecideDraft(Guid meeting, MinutesVersion? latest, string? text, string? correcting)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100_000)
            return new DomainError("text", "Minutes need text, up to 100,000 characters.");
        if (latest is { State: MinutesState.Approved })
        {
            if (string.IsNullOrWhiteSpace(correcting))
                return new DomainError("text", $"Version {latest.Version} was approved on {latest.ApprovedAt:yyyy-MM-dd} and is locked. "
                    + "To change it, record a correction: a new version, with what it corrects.", ErrorKind.Conflict);
            return Result<EngagementEvent>.Ok(new MinutesDrafted(meeting, latest.Version + 1, text.Trim(), correcting.Trim()));
        }
        return Result<EngagementEvent>.Ok(new MinutesDrafted(meeting, latest?.Version ?? 1, text.Trim(), latest?.Correcting));
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid meeting, MinutesCommand command, string? text, string? correcting, CancellationToken ct)
    {
        if (!await scope.Db.Meetings.AnyAsync(m => m.Id == meeting, ct))
            return EngagementErrors.NoMeeting(meeting);
        var latest = await scope.Db.Minutes.AsNoTracking().Where(m => m.Meeting == meeting).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        return await scope.RecordAsync(Decide(meeting, latest, command, text, correcting), _ => meeting, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/meetings/{id:guid}/minutes", (UseCaseEdge edge, Actor actor, Guid id, MinutesRequest body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body.Command, body.Text, body.Correcting, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Draft, share, comment on (while shared) or approve minutes; approved minutes are locked and a correction is a new version").Done();
}
