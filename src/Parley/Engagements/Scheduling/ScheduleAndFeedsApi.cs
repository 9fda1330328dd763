using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

/// <summary>The scheduling assistant and the engagements' iCalendar files (signed in, or by a revocable secret link).</summary>
public static class ScheduleAndFeedsApi
{
    public static void MapScheduleAndFeedsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags(CalendarApi.Tag).Requires(Permission.ReadEngagements);
        read.MapPost("/scheduling", async (ParleyDb db, SchedulingRequest body, CancellationToken ct) =>
        {
            var loaded = await SchedulingQueries.LoadAsync(db, body, ct);
            if (!loaded.Succeeded)
                return loaded.Error!.ToProblem();
            var problem = loaded.Value!;
            return Results.Ok(new SchedulingAnswer(Scheduler.Suggest(problem), (body.Ask ?? []).Select(d => Scheduler.Explain(problem, d)).ToList()));
        }).Produces<SchedulingAnswer>().WithSummary("Propose windows for a meeting and explain why asked-about days are ruled out (reads only)");
        read.MapGet("/meetings/{id:guid}.ics", async (ParleyDb db, TimeProvider clock, Guid id, CancellationToken ct) => await MeetingFileAsync(db, clock, id, ct)).Produces<string>(200, "text/calendar").WithSummary("One meeting as an iCalendar file");
        read.MapGet("/task-forces/{id:guid}.ics", async (ParleyDb db, TimeProvider clock, Guid id, CancellationToken ct) => await TaskForceFileAsync(db, clock, id, ct)).Produces<string>(200, "text/calendar").WithSummary("A task force's series (RRULE, VTIMEZONE) and meetings");
        read.MapGet("/people/{id:guid}/meetings.ics", async (ParleyDb db, TimeProvider clock, Guid id, CancellationToken ct) => await PersonFileAsync(db, clock, id, ct)).Produces<string>(200, "text/calendar").WithSummary("A person's meetings");

        var feeds = app.MapGroup("/feeds/{secret}").WithTags(CalendarApi.Tag).AllowAnonymous();
        feeds.MapGet("/meetings/{id:guid}.ics", (ParleyDb db, TimeProvider clock, string secret, Guid id, CancellationToken ct) => FeedLinks.ByTokenAsync(db, secret, () => MeetingFileAsync(db, clock, id, ct), ct))
            .Produces<string>(200, "text/calendar").WithSummary("One meeting as an iCalendar subscription, by the secret of a feed link");
        feeds.MapGet("/people/{id:guid}.ics", (ParleyDb db, TimeProvider clock, string secret, Guid id, CancellationToken ct) => FeedLinks.ByTokenAsync(db, secret, () => PersonFileAsync(db, clock, id, ct), ct))
            .Produces<string>(200, "text/calendar").WithSummary("A person's meetings as an iCalendar subscription, by the secret of a feed link");
        feeds.MapGet("/task-forces/{id:guid}.ics", (ParleyDb db, TimeProvider clock, string secret, Guid id, CancellationToken ct) => FeedLinks.ByTokenAsync(db, secret, () => TaskForceFileAsync(db, clock, id, ct), ct))
            .Produces<string>(200, "text/calendar").WithSummary("A task force's series as an iCalendar subscription, by the secret of a feed link");
    }

    private static async Task<IResult> MeetingFileAsync(ParleyDb db, TimeProvider clock, Guid id, CancellationToken ct)
    {
        if (await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
            return Results.Problem($"No meeting {id}.", statusCode: 404);
        return IcsFiles.File(Feeds.Meeting(meeting, await Parley.Directory.DirectoryNames.NamesAsync(db, meeting.Participants.Select(p => p.Person), ct), clock.GetUtcNow().UtcDateTime), $"meeting-{id}.ics");
    }

    private static async Task<IResult> TaskForceFileAsync(ParleyDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } force
            ? IcsFiles.File(await Feeds.TaskForceAsync(db, force, clock.GetUtcNow().UtcDateTime, ct), $"task-force-{id}.ics")
            : Results.Problem($"No task force {id}.", statusCode: 404);

    private static async Task<IResult> PersonFileAsync(ParleyDb db, TimeProvider clock, Guid id, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } name
            ? IcsFiles.File(await Feeds.PersonAsync(db, id, name, clock.GetUtcNow().UtcDateTime, ct), $"person-{id}.ics")
            : Results.Problem($"No person {id}.", statusCode: 404);
}

/// <summary>Suggested windows, and for each day asked about why it is or is not possible.</summary>
public sealed record SchedulingAnswer(IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<DayVerdict> Asked);
