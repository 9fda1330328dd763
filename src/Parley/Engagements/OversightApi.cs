using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

/// <summary>JSON API for proposals and their oversight workflow, and for standing task forces.</summary>
public static class OversightApi
{
    public static void MapOversightApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Proposals and task forces").Requires(Permission.ReadEngagements);
        read.MapGet("/proposals", async (ParleyDb db, ProposalState? state, CancellationToken ct) =>
        {
            var query = db.Proposals.AsNoTracking();
            if (state is { } s)
                query = query.Where(p => p.State == s);
            return Results.Ok(await query.OrderByDescending(p => p.ProposedAt).Take(500).ToListAsync(ct));
        }).Produces<Proposal[]>().WithSummary("Engagement proposals, newest first, optionally in one state");
        read.MapGet("/proposals/{id:guid}", async (ParleyDb db, Guid id, CancellationToken ct) =>
            await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } proposal
                ? Results.Ok(new ProposalDetail(proposal, (await RecordHistory.ForAsync(db, $"proposal/{id}", ct)).Entries))
                : Results.Problem($"No proposal {id}.", statusCode: 404)).Produces<ProposalDetail>().WithSummary("A proposal and each step of its workflow with its actor");
        read.MapGet("/task-forces", async (ParleyDb db, CancellationToken ct) =>
            Results.Ok(await db.TaskForces.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct))).Produces<TaskForce[]>().WithSummary("Standing task forces");
        read.MapGet("/task-forces/{id:guid}", async (ParleyDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        {
            if (await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } force)
                return Results.Problem($"No task force {id}.", statusCode: 404);
            var picture = await TaskForcePicture.ForAsync(db, force, clock.GetUtcNow().UtcDateTime, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var (a, b) = Roster.Counts(force);
            return Results.Ok(new TaskForceDetail(
                force,
                new Balance(a, b, force.AllowedDifference, Math.Abs(a - b) <= force.AllowedDifference),
                Cadence.Between(force, await HostZones.ForAsync(db, force, ct), now, now.AddYears(1), 12),
                picture.Ties,
                picture.Overdue));
        }).Produces<TaskForceDetail>().WithSummary("A task force: charter, members over time, balance, upcoming meetings, who has met whom, and members overdue to meet");

        // Each write is mapped beside its use case, with the permission it needs (oversight steps check role and institution themselves).
        var writes = app.MapGroup("/api").WithTags("Proposals and task forces");
        StepProposal.Map(writes);
        AnswerProposal.Map(writes);
        DecideCharter.Map(writes);
        MakeProposal.Map(writes);
        ScheduleProposal.Map(writes);
        CharterTaskForce.Map(writes);
        ChangeMembers.Map(writes);
    }
}

/// <summary>A proposal and each step of its workflow: the ledger index, event, time and actor.</summary>
public sealed record ProposalDetail(Proposal Proposal, IReadOnlyList<HistoryEntry> History);

/// <summary>A task force with its balance, its next meetings by its cadence, who has met whom, and members overdue to meet.</summary>
public sealed record TaskForceDetail(TaskForce TaskForce, Balance Balance, IReadOnlyList<Occurrence> Upcoming, IReadOnlyList<Tie> Ties, IReadOnlyList<Guid> NotMetWithinCadence);

public sealed record Balance(int SideA, int SideB, int AllowedDifference, bool Balanced);
