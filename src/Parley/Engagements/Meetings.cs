using Microsoft.EntityFrameworkCore;
using Parley.Calendars;
using Parley.Record;

namespace Parley.Engagements;

public sealed record ParticipantInput(Guid Person, Guid Side);

public sealed record AgendaInput(string? Title, Guid? Presenter, int? Minutes, Guid? Letter = null, Guid? Proposal = null);

/// <summary>A meeting to schedule: start and end are wall times in <see cref="Zone"/>, the place's zone.</summary>
public sealed record MeetingInput(
    string? Title, string? Place, string? Zone, DateTime? Start, DateTime? End, IReadOnlyList<ParticipantInput>? Participants,
    IReadOnlyList<AgendaInput>? Agenda = null, Guid? Visit = null, Guid? TaskForce = null, Guid? Series = null, bool TimeUnknown = false, string? Source = null);

public static class Meetings
{
    public static async Task<Result<Guid>> ScheduleAsync(WriteScope scope, MeetingInput input, Guid? proposal, CancellationToken ct)
    {
        var db = scope.Db;
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
            return new DomainError("title", "Give the meeting a title, up to 300 characters.");
        if (string.IsNullOrWhiteSpace(input.Place) || input.Place.Length > 300)
            return new DomainError("place", "Say where the meeting is (a city, a building, or “video call”), up to 300 characters.");
        if (Zones.Find(input.Zone) is not { } zone)
            return new DomainError("zone", $"“{input.Zone}” is not a time zone of the tz database (for example Europe/Moscow or America/New_York).");
        if (input.Start is not { } start || input.End is not { } end)
            return new DomainError(input.Start is null ? "start" : "end", "Give the meeting's start and end in the place's local time.");
        if (end <= start)
            return new DomainError("end", $"The meeting ends ({end:yyyy-MM-dd HH:mm}) before it starts ({start:yyyy-MM-dd HH:mm}).");
        if (end - start > TimeSpan.FromDays(14))
            return new DomainError("end", "A meeting lasts at most 14 days; record a visit for a longer trip.");
        var participants = input.Participants ?? [];
        if (participants.Count == 0)
            return new DomainError("participants", "Name at least one participant and the institution they speak for.");
        if (participants.GroupBy(p => p.Person).FirstOrDefault(g => g.Select(p => p.Side).Distinct().Count() > 1) is { } twice)
            return new DomainError("participants", $"{await NameAsync(db, twice.Key, ct)} is listed for more than one side; a person speaks for one side at a meeting.");
        var day = DateOnly.FromDateTime(start);
        var entries = new List<ParticipantEntry>();
        foreach (var p in participants.DistinctBy(p => p.Person))
        {
            if (!await db.People.AnyAsync(x => x.Id == p.Person, ct))
                return new DomainError("participants", $"No person {p.Person} is in the directory.", ErrorKind.NotFound);
            if (!await db.Institutions.AnyAsync(x => x.Id == p.Side, ct))
                return new DomainError("participants", $"No institution {p.Side} is in the directory.", ErrorKind.NotFound);
            entries.Add(new ParticipantEntry(p.Person, p.Side, await PostOnAsync(db, p.Person, p.Side, day, ct)));
        }
        var agenda = await AgendaAsync(db, input.Agenda ?? [], entries, ct);
        if (!agenda.Succeeded)
            return agenda.Error!;
        if (input.Visit is { } visit && !await db.Visits.AnyAsync(v => v.Id == visit, ct))
            return new DomainError("visit", $"No visit {visit}.", ErrorKind.NotFound);
        if (input.TaskForce is { } force && !await db.TaskForces.AnyAsync(t => t.Id == force, ct))
            return new DomainError("taskForce", $"No task force {force}.", ErrorKind.NotFound);
        var id = Guid.CreateVersion7();
        await scope.RecordAsync(new MeetingScheduled(id, input.Title.Trim(), input.Visit, proposal, input.TaskForce, input.Series ?? input.TaskForce ?? proposal,
            input.Place.Trim(), zone.Id, Zones.ToUtc(start, zone), Zones.ToUtc(end, zone), input.TimeUnknown, entries, agenda.Value!, input.Source), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> SetAgendaAsync(WriteScope scope, Guid id, IReadOnlyList<AgendaInput> items, CancellationToken ct)
    {
        if (await scope.Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
            return new DomainError("meeting", $"No meeting {id}.", ErrorKind.NotFound);
        var agenda = await AgendaAsync(scope.Db, items, meeting.Participants.Select(p => new ParticipantEntry(p.Person, p.Side, p.Post)).ToList(), ct);
        if (!agenda.Succeeded)
            return agenda.Error!;
        await scope.RecordAsync(new AgendaSet(id, agenda.Value!), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> HoldAsync(WriteScope scope, Guid id, IReadOnlyList<Guid>? absent, string? outcome, CancellationToken ct)
    {
        if (await scope.Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
            return new DomainError("meeting", $"No meeting {id}.", ErrorKind.NotFound);
        if (meeting.Status != MeetingStatus.Scheduled)
            return new DomainError("meeting", $"This meeting is already {meeting.Status.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);
        if ((absent ?? []).FirstOrDefault(a => meeting.Participants.All(p => p.Person != a)) is var stranger && stranger != Guid.Empty)
            return new DomainError("absent", $"{stranger} was not invited to this meeting, so cannot be absent from it.");
        if (outcome is { Length: > 4000 })
            return new DomainError("outcome", "Keep the outcome under 4,000 characters; the minutes hold the detail.");
        await scope.RecordAsync(new MeetingHeld(id, absent ?? [], string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim()), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> CancelAsync(WriteScope scope, Guid id, string? reason, CancellationToken ct)
    {
        if (await scope.Db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
            return new DomainError("meeting", $"No meeting {id}.", ErrorKind.NotFound);
        if (meeting.Status != MeetingStatus.Scheduled)
            return new DomainError("meeting", $"This meeting is already {meeting.Status.ToString().ToLowerInvariant()}.", ErrorKind.Conflict);
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
            return new DomainError("reason", "Say why the meeting is cancelled (up to 1,000 characters).");
        await scope.RecordAsync(new MeetingCancelled(id, reason.Trim()), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>The post a person held on the day, preferring one in the institution they speak for.</summary>
    public static async Task<string?> PostOnAsync(ParleyDb db, Guid person, Guid side, DateOnly day, CancellationToken ct)
    {
        var posts = await db.Memberships.AsNoTracking()
            .Where(m => m.PersonId == person && (m.Start == null || m.Start <= day) && (m.End == null || m.End >= day))
            .Join(db.Institutions, m => m.InstitutionId, i => i.Id, (m, i) => new { m.Role, i.Id, i.ParentId, i.Name })
            .ToListAsync(ct);
        var best = posts.OrderBy(p => p.Id == side ? 0 : p.ParentId == side ? 1 : 2).FirstOrDefault();
        return best is null ? null : $"{best.Role}, {best.Name}";
    }

    private static async Task<Result<IReadOnlyList<AgendaEntry>>> AgendaAsync(ParleyDb db, IReadOnlyList<AgendaInput> items, IReadOnlyList<ParticipantEntry> participants, CancellationToken ct)
    {
        var entries = new List<AgendaEntry>();
        foreach (var (item, n) in items.Select((x, i) => (x, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(item.Title) || item.Title.Length > 300)
                return new DomainError($"agenda[{n}].title", $"Agenda item {n} needs a title, up to 300 characters.");
            if (item.Minutes is not (>= 1 and <= 600))
                return new DomainError($"agenda[{n}].minutes", $"Agenda item {n} needs a duration between 1 and 600 minutes.");
            if (item.Presenter is { } presenter && participants.All(p => p.Person != presenter))
                return new DomainError($"agenda[{n}].presenter", $"The presenter of agenda item {n} is not a participant of the meeting.");
            if (item.Letter is { } letter && !await db.Letters.AnyAsync(l => l.Id == letter, ct))
                return new DomainError($"agenda[{n}].letter", $"No letter {letter}.", ErrorKind.NotFound);
            if (item.Proposal is { } proposal && !await db.Proposals.AnyAsync(p => p.Id == proposal, ct))
                return new DomainError($"agenda[{n}].proposal", $"No proposal {proposal}.", ErrorKind.NotFound);
            entries.Add(new AgendaEntry(item.Title.Trim(), item.Presenter, item.Minutes.Value, item.Letter, item.Proposal));
        }
        return Result<IReadOnlyList<AgendaEntry>>.Ok(entries);
    }

    private static async Task<string> NameAsync(ParleyDb db, Guid person, CancellationToken ct) =>
        await db.People.Where(p => p.Id == person).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? person.ToString();
}
