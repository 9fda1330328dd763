using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Engagements;

public sealed record VisitInput(
    string? Title, string? Purpose, Guid? Leader, Guid? SentBy, string? Destination, string? DestinationCountry, DateOnly? StartsOn, DateOnly? EndsOn,
    IReadOnlyList<Guid>? Travellers, string? MembersNote = null, string? Source = null);

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
}
