using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Engagements;

public sealed record CalendarFile(string? File, string? Text);

/// <summary>Chamber calendars, the scheduling assistant, and iCalendar feeds (signed in, or by a revocable secret link).</summary>
public static class CalendarApi
{
    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").WithTags("Calendars and scheduling").RequireAuthorization(nameof(Permission.ReadEngagements));
        read.MapGet("/calendars/{chamber:guid}", async (ParleyDb db, Guid chamber, CancellationToken ct) =>
            Results.Ok(await db.CalendarPeriods.AsNoTracking().Where(p => p.Chamber == chamber).OrderBy(p => p.StartsOn).ToListAsync(ct)))
            .WithSummary("A chamber's sessions, sitting days and recesses");
        read.MapPost("/scheduling", async (ParleyDb db, SchedulingRequest body, CancellationToken ct) =>
        {
            var loaded = await SchedulingQueries.LoadAsync(db, body, ct);
            if (!loaded.Succeeded)
                return loaded.Error!.ToProblem();
            var problem = loaded.Value!;
            return Results.Ok(new { suggestions = Scheduler.Suggest(problem), asked = (body.Ask ?? []).Select(d => Scheduler.Explain(problem, d)) });
        }).WithSummary("Propose windows for a meeting and explain why asked-about days are ruled out (reads only)");
        read.MapGet("/meetings/{id:guid}.ics", async (ParleyDb db, Guid id, CancellationToken ct) => await MeetingFileAsync(db, id, ct)).WithSummary("One meeting as an iCalendar file");
        read.MapGet("/task-forces/{id:guid}.ics", async (ParleyDb db, Guid id, CancellationToken ct) => await TaskForceFileAsync(db, id, ct)).WithSummary("A task force's series (RRULE, VTIMEZONE) and meetings");
        read.MapGet("/calendars/{chamber:guid}.ics", async (ParleyDb db, Guid chamber, CancellationToken ct) => await ChamberFileAsync(db, chamber, ct)).WithSummary("A chamber's calendar as all-day events");
        read.MapGet("/people/{id:guid}/meetings.ics", async (ParleyDb db, Guid id, CancellationToken ct) => await PersonFileAsync(db, id, ct)).WithSummary("A person's meetings");
        read.MapGet("/feed-tokens", async (ParleyDb db, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var account = EngagementViews.AccountOf(user);
            return Results.Ok(await db.FeedTokens.AsNoTracking().Where(t => t.Account == account).OrderByDescending(t => t.IssuedAt).ToListAsync(ct));
        }).WithSummary("Your calendar feed links (the secrets are shown only once, when issued)");
        read.MapPost("/feed-tokens", async (Recorder r, ClaimsPrincipal user, CancellationToken ct) =>
            (await r.WriteAsync(Problems.Actor(user), (s, c) => FeedTokens.IssueAsync(s, EngagementViews.AccountOf(user) ?? Guid.Empty, c), ct))
                .ToHttp(t => Results.Created("/api/feed-tokens", new { id = t.Id, secret = t.Secret, feeds = $"/feeds/{t.Secret}/" })))
            .WithSummary("Issue a secret link for subscribing to calendar feeds");
        read.MapDelete("/feed-tokens/{id:guid}", (Recorder r, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => FeedTokens.RevokeAsync(s, EngagementViews.AccountOf(user) ?? Guid.Empty, id, c), _ => Results.NoContent(), ct))
            .WithSummary("Revoke a feed link; calendar clients using it get 404 from then on");

        var write = app.MapGroup("/api").WithTags("Calendars and scheduling").RequireAuthorization(nameof(Permission.RecordEngagements));
        write.MapPost("/calendars/{chamber:guid}/periods", (Recorder r, ClaimsPrincipal user, Guid chamber, IReadOnlyList<PeriodInput> body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => ChamberCalendars.AddAsync(s, chamber, body, "entered by hand", c), _ => Results.NoContent(), ct)).WithSummary("Add periods to a chamber's calendar");
        write.MapPut("/calendars/periods/{id:guid}", (Recorder r, ClaimsPrincipal user, Guid id, PeriodInput body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => ChamberCalendars.ChangeAsync(s, id, body, c), _ => Results.NoContent(), ct)).WithSummary("Change a calendar period");
        write.MapDelete("/calendars/periods/{id:guid}", (Recorder r, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => ChamberCalendars.RemoveAsync(s, id, c), _ => Results.NoContent(), ct)).WithSummary("Remove a calendar period");
        write.MapPost("/calendars/{chamber:guid}/import", (Recorder r, ClaimsPrincipal user, Guid chamber, CalendarFile body, CancellationToken ct) =>
            r.WriteHttpAsync(user, (s, c) => ImportAsync(s, chamber, body, c), _ => Results.NoContent(), ct))
            .WithSummary("Import an iCalendar file into a chamber's calendar: all events or none, a fault named by line");

        var feeds = app.MapGroup("/feeds/{secret}").WithTags("Calendars and scheduling").AllowAnonymous();
        feeds.MapGet("/meetings/{id:guid}.ics", (ParleyDb db, string secret, Guid id, CancellationToken ct) => ByTokenAsync(db, secret, () => MeetingFileAsync(db, id, ct), ct));
        feeds.MapGet("/people/{id:guid}.ics", (ParleyDb db, string secret, Guid id, CancellationToken ct) => ByTokenAsync(db, secret, () => PersonFileAsync(db, id, ct), ct));
        feeds.MapGet("/task-forces/{id:guid}.ics", (ParleyDb db, string secret, Guid id, CancellationToken ct) => ByTokenAsync(db, secret, () => TaskForceFileAsync(db, id, ct), ct));
        feeds.MapGet("/calendars/{id:guid}.ics", (ParleyDb db, string secret, Guid id, CancellationToken ct) => ByTokenAsync(db, secret, () => ChamberFileAsync(db, id, ct), ct));
    }

    public static async Task<Result<Guid>> ImportAsync(WriteScope scope, Guid chamber, CalendarFile body, CancellationToken ct)
    {
        var file = string.IsNullOrWhiteSpace(body.File) ? "calendar.ics" : Path.GetFileName(body.File);
        var read = CalendarImport.Read(body.Text ?? "", file);
        return read.Succeeded ? await ChamberCalendars.AddAsync(scope, chamber, read.Value!, $"imported from {file}", ct) : read.Error!;
    }

    private static async Task<IResult> ByTokenAsync(ParleyDb db, string secret, Func<Task<IResult>> file, CancellationToken ct)
    {
        var account = await FeedTokens.AccountAsync(db, secret, ct);
        return account is null ? Results.NotFound() : await file();
    }

    private static async Task<IResult> MeetingFileAsync(ParleyDb db, Guid id, CancellationToken ct)
    {
        if (await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
            return Results.Problem($"No meeting {id}.", statusCode: 404);
        return Ics(Feeds.Meeting(meeting, await Parley.Directory.DirectoryNames.NamesAsync(db, meeting.Participants.Select(p => p.Person), ct)), $"meeting-{id}.ics");
    }

    private static async Task<IResult> TaskForceFileAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } force
            ? Ics(await Feeds.TaskForceAsync(db, force, ct), $"task-force-{id}.ics")
            : Results.Problem($"No task force {id}.", statusCode: 404);

    private static async Task<IResult> ChamberFileAsync(ParleyDb db, Guid chamber, CancellationToken ct)
    {
        if (await db.Institutions.AsNoTracking().Where(i => i.Id == chamber).Select(i => i.Name).FirstOrDefaultAsync(ct) is not { } name)
            return Results.Problem($"No institution {chamber}.", statusCode: 404);
        var periods = await db.CalendarPeriods.AsNoTracking().Where(p => p.Chamber == chamber).OrderBy(p => p.StartsOn).ToListAsync(ct);
        return Ics(Feeds.Chamber(name, periods), $"calendar-{chamber}.ics");
    }

    private static async Task<IResult> PersonFileAsync(ParleyDb db, Guid id, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } name
            ? Ics(await Feeds.PersonAsync(db, id, name, ct), $"person-{id}.ics")
            : Results.Problem($"No person {id}.", statusCode: 404);

    private static IResult Ics(string text, string name) => Results.File(System.Text.Encoding.UTF8.GetBytes(text), Feeds.MediaType, name);
}
