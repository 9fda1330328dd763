using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record StepRequest(ProposalStep Step, string? Reason);

public sealed record CharterDecision(bool Approve, string? Reason);

/// <summary>JSON API for proposals and their oversight workflow, and for standing task forces.</summary>
public static class OversightApi
{
    public static void MapOversightApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Proposals and task forces").RequireAuthorization(nameof(Permission.ReadEngagements));
        read.MapGet("/proposals", async (ParleyDb db, ProposalState? state, CancellationToken ct) =>
        {
            var query = db.Proposals.AsNoTracking();
            if (state is { } s)
                query = query.Where(p => p.State == s);
            return Results.Ok(await query.OrderByDescending(p => p.ProposedAt).Take(500).ToListAsync(ct));
        }).WithSummary("Engagement proposals, newest first, optionally in one state");
        read.MapGet("/proposals/{id:guid}", async (ParleyDb db, Guid id, CancellationToken ct) =>
            await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } proposal
                ? Results.Ok(new { proposal, history = (await RecordHistory.ForAsync(db, $"proposal/{id}", ct)).Entries })
                : Results.Problem($"No proposal {id}.", statusCode: 404)).WithSummary("A proposal and each step of its workflow with its actor");
        read.MapPost("/proposals/{id:guid}/steps", (Recorder r, ClaimsPrincipal user, Guid id, StepRequest body, CancellationToken ct) =>
        {
            var actor = EngagementViews.ActorOf(user);
            if (!ProposalFlow.IsOversight(body.Step) && !actor.Roles.Any(role => AccessRules.Allows(role, Permission.RecordEngagements)))
                return Task.FromResult(Results.Problem("Your role may not move proposals on.", statusCode: 403));
            return r.WriteHttpAsync(user, (s, c) => Proposals.StepAsync(s, id, body.Step, body.Reason, actor, c), _ => Results.NoContent(), ct);
        }).WithSummary("Take a workflow step: review, approve or return (oversight officers of the oversight institution), resubmit or close");
        read.MapGet("/task-forces", async (ParleyDb db, CancellationToken ct) =>
            Results.Ok(await db.TaskForces.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct))).WithSummary("Standing task forces");
        read.MapGet("/task-forces/{id:guid}", async (ParleyDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        {
            if (await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } force)
                return Results.Problem($"No task force {id}.", statusCode: 404);
            var picture = await TaskForcePicture.ForAsync(db, force, clock.GetUtcNow().UtcDateTime, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var (a, b) = Roster.Counts(force);
            return Results.Ok(new
            {
                taskForce = force,
                balance = new { sideA = a, sideB = b, allowedDifference = force.AllowedDifference, balanced = Math.Abs(a - b) <= force.AllowedDifference },
                upcoming = Cadence.Between(force, await HostZones.ForAsync(db, force, ct), now, now.AddYears(1), 12),
                ties = picture.Ties,
                notMetWithinCadence = picture.Overdue,
            });
        }).WithSummary("A task force: charter, members over time, balance, upcoming meetings, who has met whom, and members overdue to meet");
        read.MapPost("/task-forces/{id:guid}/charter", (Recorder r, ClaimsPrincipal user, Guid id, CharterDecision body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => TaskForces.DecideCharterAsync(s, id, body.Approve, body.Reason, EngagementViews.ActorOf(user), c), _ => Results.NoContent(), ct))
            .WithSummary("Approve or return a task force's charter (oversight officers of the oversight institution)");

        var write = app.MapGroup("/api").WithTags("Proposals and task forces").RequireAuthorization(nameof(Permission.RecordEngagements));
        write.MapPost("/proposals", (Recorder r, ClaimsPrincipal user, ProposalInput body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => Proposals.MakeAsync(s, body, c), id => Results.Created($"/api/proposals/{id}", new { id }), ct))
            .WithSummary("Propose an engagement: parties, purpose, target window, oversight institution");
        write.MapPost("/proposals/{id:guid}/schedule", (Recorder r, ClaimsPrincipal user, Guid id, MeetingInput body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => Proposals.ScheduleAsync(s, id, body, c), m => Results.Created($"/api/meetings/{m}", new { id = m }), ct))
            .WithSummary("Schedule an approved proposal's meeting on a day its target window allows");
        write.MapPost("/task-forces", (Recorder r, ClaimsPrincipal user, TaskForceInput body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => TaskForces.CharterAsync(s, body, c), id => Results.Created($"/api/task-forces/{id}", new { id }), ct))
            .WithSummary("Propose a task force with its charter, sides, seats and cadence (an RFC 5545 RRULE)");
        write.MapPost("/task-forces/{id:guid}/members", (Recorder r, ClaimsPrincipal user, Guid id, RosterChange body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => TaskForces.ChangeMembersAsync(s, id, body, c), _ => Results.NoContent(), ct))
            .WithSummary("Members join or leave together; after an approved charter the sides must stay within the allowed difference");
    }
}
