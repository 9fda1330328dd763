using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>Import a person's busy times from their own calendar's .ics export (recurring events expanded up to a horizon).</summary>
public static class ImportBusyTimes
{
    public const Permission Needs = Permission.RecordEngagements;

    /// <summary>How far ahead recurring busy times are expanded: two years from now.</summary>
    public static DateTime HorizonFrom(DateTime now) => now.AddYears(2);

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid person, CalendarFile body, DateTime horizonUtc, CancellationToken ct)
    {
        var read = BusyImport.Read(body.Text ?? "", ImportChamberCalendar.FileName(body), horizonUtc);
        return read.Succeeded ? await RecordBusyTimes.HandleAsync(scope, person, read.Value!, ct) : read.Error!;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/people/{id:guid}/busy/import", (UseCaseEdge edge, Actor actor, Guid id, CalendarFile body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body, HorizonFrom(edge.Now), c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Import a person's busy times from their calendar's .ics export (recurring events expanded two years ahead)").Done();
}
