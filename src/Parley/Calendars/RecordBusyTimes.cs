using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Calendars;

/// <summary>A time a person is busy; instants arrive in UTC (normalised at the edge).</summary>
public sealed record BusyInput([property: Required] DateTime? StartsAt, [property: Required] DateTime? EndsAt, [property: MaxLength(500)] string? Note);

/// <summary>Record a person's own busy times (UTC), which the scheduling assistant keeps clear of.</summary>
public static class RecordBusyTimes
{
    public const Permission Needs = Permission.RecordEngagements;

    public static Result<BusyTimesRecorded> Decide(Guid person, bool personKnown, IReadOnlyList<BusyInput> times, Func<Guid> newId)
    {
        if (!personKnown)
            return CalendarErrors.NoPerson(person);
        if (times.Count is 0 or > 20_000)
            return CalendarErrors.BusyCount;
        var entries = new List<BusyEntry>();
        foreach (var (t, n) in times.Select((t, i) => (t, i + 1)))
        {
            if (t.StartsAt is not { } start || t.EndsAt is not { } end || end <= start)
                return CalendarErrors.BusySpan(n);
            if (t.Note is { Length: > 500 })
                return CalendarErrors.BusyNote(n);
            entries.Add(new BusyEntry(newId(), start, end, t.Note?.Trim()));
        }
        return new BusyTimesRecorded(person, entries);
    }

    public static async Task<Result<Guid>> HandleAsync(WriteScope scope, Guid person, IReadOnlyList<BusyInput> times, CancellationToken ct)
    {
        return await scope.RecordAsync(Decide(person, await scope.Db.People.AnyAsync(p => p.Id == person, ct), times, Guid.CreateVersion7), _ => person, ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/people/{id:guid}/busy", (UseCaseEdge edge, Actor actor, Guid id, IReadOnlyList<BusyInput> body, CancellationToken ct) =>
            edge.WriteHttpAsync(actor, (s, c) => HandleAsync(s, id, body, c), _ => Results.NoContent(), ct))
            .Requires(Needs).WithSummary("Record a person's busy times (UTC) for the scheduling assistant").Done();
}
