using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

public enum MinutesCommand
{
    Draft,
    Share,
    Comment,
    Approve,
}

/// <summary>Minutes: draft → shared for comments → approved and locked; a later correction is a new version, never an overwrite.</summary>
public static class Minutes
{
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

    public static async Task<Result<Guid>> ApplyAsync(WriteScope scope, Guid meeting, MinutesCommand command, string? text, string? correcting, CancellationToken ct)
    {
        if (!await scope.Db.Meetings.AnyAsync(m => m.Id == meeting, ct))
            return new DomainError("meeting", $"No meeting {meeting}.", ErrorKind.NotFound);
        var latest = await scope.Db.Minutes.AsNoTracking().Where(m => m.Meeting == meeting).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        var decided = Decide(meeting, latest, command, text, correcting);
        if (!decided.Succeeded)
            return decided.Error!;
        await scope.RecordAsync(decided.Value!, ct);
        return Result<Guid>.Ok(meeting);
    }
}

/// <summary>Action items: raised at a meeting, owned and due; open ones carry over to the next meeting of the series.</summary>
public static class Actions
{
    public static async Task<Result<Guid>> RaiseAsync(WriteScope scope, Guid meeting, string? what, Guid? owner, DateOnly? dueOn, CancellationToken ct)
    {
        var db = scope.Db;
        if (!await db.Meetings.AnyAsync(m => m.Id == meeting, ct))
            return new DomainError("meeting", $"No meeting {meeting}.", ErrorKind.NotFound);
        if (string.IsNullOrWhiteSpace(what) || what.Length > 1000)
            return new DomainError("what", "Say what is to be done, up to 1,000 characters.");
        if (owner is not { } person || !await db.People.AnyAsync(p => p.Id == person, ct))
            return new DomainError("owner", owner is null ? "Name who owns the action." : $"No person {owner} is in the directory.");
        if (dueOn is not { } due)
            return new DomainError("dueOn", "Give the date the action is due.");
        var id = Guid.CreateVersion7();
        await scope.RecordAsync(new ActionRaised(id, meeting, what.Trim(), person, due), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> CloseAsync(WriteScope scope, Guid id, ActionStatus status, CancellationToken ct)
    {
        if (await scope.Db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } action)
            return new DomainError("action", $"No action item {id}.", ErrorKind.NotFound);
        if (status == ActionStatus.Open)
            return new DomainError("status", "Close an action as Done or Dropped.");
        if (action.Status != ActionStatus.Open)
            return new DomainError("action", $"This action is already {action.Status.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);
        await scope.RecordAsync(new ActionClosed(id, action.Meeting, status), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>Items raised at earlier meetings of the series that are still open: they stay on each later meeting until closed.</summary>
    public static async Task<IReadOnlyList<ActionItem>> CarriedOverAsync(ParleyDb db, Meeting meeting, CancellationToken ct)
    {
        if (meeting.Series is not { } series)
            return [];
        var earlier = db.Meetings.Where(m => m.Series == series && m.StartsAt < meeting.StartsAt && m.Status != MeetingStatus.Cancelled).Select(m => m.Id);
        return await db.Actions.AsNoTracking()
            .Where(a => earlier.Contains(a.Meeting) && a.Status == ActionStatus.Open)
            .OrderBy(a => a.DueOn).ToListAsync(ct);
    }

    /// <summary>The next meeting of the same series, if one is scheduled.</summary>
    public static Task<Meeting?> NextInSeriesAsync(ParleyDb db, Meeting meeting, CancellationToken ct) =>
        meeting.Series is { } series
            ? db.Meetings.AsNoTracking().Where(m => m.Series == series && m.StartsAt > meeting.StartsAt && m.Status != MeetingStatus.Cancelled)
                .OrderBy(m => m.StartsAt).FirstOrDefaultAsync(ct)
            : Task.FromResult<Meeting?>(null);
}
