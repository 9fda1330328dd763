using System.ComponentModel.DataAnnotations;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>An uploaded calendar file: its name (for messages) and its text.</summary>
public sealed record CalendarFile([property: MaxLength(200)] string? File, [property: MaxLength(2097152)] string? Text);

/// <summary>Import an iCalendar file into a chamber's calendar: every event or none, a fault named by file and line.</summary>
public static class ImportChamberCalendar
{
    public const Permission Needs = Permission.RecordEngagements;

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid chamber, CalendarFile body, CancellationToken ct)
    {
        var file = FileName(body);
        var read = CalendarImport.Read(body.Text ?? "", file);
        return read.Succeeded ? await AddCalendarPeriods.HandleAsync(scope, chamber, read.Value!, $"imported from {file}", ct) : read.Error!;
    }

    /// <summary>The name faults are reported against: the upload's own, without any folder.</summary>
    public static string FileName(CalendarFile body) => string.IsNullOrWhiteSpace(body.File) ? "calendar.ics" : Path.GetFileName(body.File);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/calendars/{chamber:guid}/import", (UseCaseEdge edge, Actor actor, Guid chamber, CalendarFile body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, chamber, body, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Import an iCalendar file into a chamber's calendar: all events or none, a fault named by line");
}
