using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

public sealed record VisitInput(
    string? Title, string? Purpose, Guid? Leader, Guid? SentBy, string? Destination, string? DestinationCountry, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<Guid>? Travellers, string? MembersNote = null, string? Source = null);

public sealed record BusyInput(DateTime? StartsAt, DateTime? EndsAt, string? Note);

public static class Visits
{
    public static async Task<Result<Guid>> RecordAsync(WriteScope scope, VisitInput input, CancellationToken ct)
    {
        var db = scope.Db;
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
            return new DomainError("title", "Give the visit a title, up to 300 characters.");
        if (string.IsNullOrWhiteSpace(input.Purpose) || input.Purpose.Length > 4000)
            return new DomainError("purpose", "Say what the visit is for, up to 4,000 characters.");
        if (input.SentBy is not { } sentBy || !await db.Institutions.AnyAsync(i => i.Id == sentBy, ct))
            return new DomainError("sentBy", "Name the institution the delegation comes from (it must be in the directory).");
        if (string.IsNullOrWhiteSpace(input.Destination) || input.Destination.Length > 200)
            return new DomainError("destination", "Say where the delegation goes (a city), up to 200 characters.");
        if (input.DestinationCountry is not { Length: 2 } country || !await db.Countries.AnyAsync(c => c.Code == country.ToUpperInvariant(), ct))
            return new DomainError("destinationCountry", $"“{input.DestinationCountry}” is not a country code in the directory (two letters, for example RU).");
        if (input.StartsOn is not { } starts || input.EndsOn is not { } ends)
            return new DomainError(input.StartsOn is null ? "startsOn" : "endsOn", "Give the first and last day of the visit.");
        if (ends < starts)
            return new DomainError("endsOn", $"The visit ends ({ends:yyyy-MM-dd}) before it starts ({starts:yyyy-MM-dd}).");
        var travellers = (input.Travellers ?? []).Distinct().ToList();
        if (input.Leader is { } leader && !travellers.Contains(leader))
            travellers.Insert(0, leader);
        if (travellers.Count == 0 && string.IsNullOrWhiteSpace(input.MembersNote))
            return new DomainError("travellers", "Name who travels, or say in the members note why they are not named.");
        foreach (var person in travellers)
        {
            if (!await db.People.AnyAsync(p => p.Id == person, ct))
                return new DomainError("travellers", $"No person {person} is in the directory.", ErrorKind.NotFound);
        }
        var id = Guid.CreateVersion7();
        await scope.RecordAsync(new VisitRecorded(id, input.Title.Trim(), input.Purpose.Trim(), input.Leader, sentBy, input.Destination.Trim(), country.ToUpperInvariant(),
            starts, ends, travellers, string.IsNullOrWhiteSpace(input.MembersNote) ? null : input.MembersNote.Trim(), input.Source), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>A person's own busy times (UTC), which the scheduling assistant keeps clear of.</summary>
    public static async Task<Result<Guid>> AddBusyAsync(WriteScope scope, Guid person, IReadOnlyList<BusyInput> times, CancellationToken ct)
    {
        if (!await scope.Db.People.AnyAsync(p => p.Id == person, ct))
            return new DomainError("person", $"No person {person} is in the directory.", ErrorKind.NotFound);
        if (times.Count is 0 or > 20_000)
            return new DomainError("times", "Give between 1 and 20,000 busy times.");
        var entries = new List<BusyEntry>();
        foreach (var (t, n) in times.Select((t, i) => (t, i + 1)))
        {
            if (t.StartsAt is not { } start || t.EndsAt is not { } end || end <= start)
                return new DomainError($"times[{n}]", $"Busy time {n} needs a start and an end after it (UTC).");
            entries.Add(new BusyEntry(Guid.CreateVersion7(), Utc(start), Utc(end), t.Note?.Trim()));
        }
        await scope.RecordAsync(new BusyTimesRecorded(person, entries), ct);
        return Result<Guid>.Ok(person);
    }

    public static async Task<Result<Guid>> ImportBusyAsync(WriteScope scope, Guid person, CalendarFile body, DateTime horizonUtc, CancellationToken ct)
    {
        var file = string.IsNullOrWhiteSpace(body.File) ? "calendar.ics" : Path.GetFileName(body.File);
        var read = BusyImport.Read(body.Text ?? "", file, horizonUtc);
        return read.Succeeded ? await AddBusyAsync(scope, person, read.Value!, ct) : read.Error!;
    }

    // An instant without an offset is taken as UTC, as the API documents, not as the server's local time.
    private static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();
}
