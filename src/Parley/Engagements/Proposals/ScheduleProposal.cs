using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

/// <summary>Schedule an approved proposal's meeting, only on a day its target window allows; the proposal is then scheduled.</summary>
public static class ScheduleProposal
{
    public const Permission Needs = Permission.RecordEngagements;

    /// <summary>Whether the proposal may be scheduled on the meeting's day: it must be approved, and the day inside its window.</summary>
    public static DomainError? Decide(Guid id, Proposal? proposal, MeetingInput meeting, IReadOnlyDictionary<Guid, ChamberDays> calendars, IReadOnlyDictionary<Guid, string> names)
    {
        if (proposal is null)
            return EngagementErrors.NoProposal(id);
        if (ProposalFlow.Next(proposal.State, ProposalStep.Schedule) is null)
            return EngagementErrors.StepRefused(proposal.State, ProposalStep.Schedule, "proposal");
        if (meeting.Start is { } start && Window.Violation(proposal.Window, DateOnly.FromDateTime(start), calendars, names) is { } why)
            return EngagementErrors.OutsideWindow(start, why);
        return null;
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid id, MeetingInput meeting, CancellationToken ct)
    {
        var db = scope.Db;
        var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var chambers = proposal?.Window.Select(w => w.Chamber).OfType<Guid>() ?? [];
        var calendars = await CalendarQueries.DaysAsync(db, chambers, ct);
        if (Decide(id, proposal, meeting, calendars, await Directory.DirectoryNames.NamesAsync(db, calendars.Keys, ct)) is { } refused)
            return refused;
        var scheduled = await ScheduleMeeting.HandleAsync(scope, meeting, id, ct);
        if (!scheduled.Succeeded)
            return scheduled;
        await scope.RecordAsync(new ProposalStepped(id, ProposalStep.Schedule, null, scheduled.Value), ct);
        return scheduled;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/proposals/{id:guid}/schedule", (UseCaseEdge edge, Actor actor, Guid id, MeetingInput body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body, c), m => ApiAnswers.Created($"/api/meetings/{m}", m), ct))
            .Requires(Needs).WithSummary("Schedule an approved proposal's meeting on a day its target window allows").Creates();
}
