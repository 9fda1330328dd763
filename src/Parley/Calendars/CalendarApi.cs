using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>Chamber calendars, busy times and feed links over HTTP; each write is mapped beside its use case.</summary>
public static class CalendarApi
{
    public const string Tag = "Calendars and scheduling";

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags(Tag);
        api.MapGet("/calendars/{chamber:guid}", async (ParleyDb db, Guid chamber, CancellationToken ct) =>
            Results.Ok(await db.CalendarPeriods.AsNoTracking().Where(p => p.Chamber == chamber).OrderBy(p => p.StartsOn).ToListAsync(ct)))
            .Requires(Permission.ReadEngagements).Produces<CalendarPeriod[]>().WithSummary("A chamber's sessions, sitting days and recesses");
        api.MapGet("/calendars/{chamber:guid}.ics", async (ParleyDb db, TimeProvider clock, Guid chamber, CancellationToken ct) => await ChamberFileAsync(db, clock, chamber, ct))
            .Requires(Permission.ReadEngagements).Produces<string>(200, "text/calendar").WithSummary("A chamber's calendar as all-day events");
        FeedLinks.Map(api);
        AddCalendarPeriods.Map(api);
        ChangeCalendarPeriod.Map(api);
        RemoveCalendarPeriod.Map(api);
        ImportChamberCalendar.Map(api);
        // Busy times are listed with the engagements in the API document, as they were before calendars became a module.
        var people = app.MapGroup("/api").WithTags("Engagements");
        ImportBusyTimes.Map(people);
        RecordBusyTimes.Map(people);

        app.MapGet("/feeds/{secret}/calendars/{id:guid}.ics", (ParleyDb db, TimeProvider clock, string secret, Guid id, CancellationToken ct) =>
            FeedLinks.ByTokenAsync(db, secret, () => ChamberFileAsync(db, clock, id, ct), ct)).WithTags(Tag).AllowAnonymous()
            .Produces<string>(200, "text/calendar").WithSummary("A chamber's calendar as an iCalendar subscription, by the secret of a feed link");
    }

    private static async Task<IResult> ChamberFileAsync(ParleyDb db, TimeProvider clock, Guid chamber, CancellationToken ct)
    {
        if (await db.Institutions.AsNoTracking().Where(i => i.Id == chamber).Select(i => i.Name).FirstOrDefaultAsync(ct) is not { } name)
            return Results.Problem($"No institution {chamber}.", statusCode: 404);
        var periods = await db.CalendarPeriods.AsNoTracking().Where(p => p.Chamber == chamber).OrderBy(p => p.StartsOn).ToListAsync(ct);
        return IcsFiles.File(IcsFiles.Chamber(name, periods, clock.GetUtcNow().UtcDateTime), $"calendar-{chamber}.ics");
    }
}
