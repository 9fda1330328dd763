using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Record;

namespace Parley.Engagements;

public sealed record TaskForceInput(
    string? Name, string? Purpose, Guid? SideA, Guid? SideB, Guid? Oversight, string? Charter, int? SeatsPerSide, int? AllowedDifference,
    string? Cadence, DateTime? FirstMeeting, string? Zone, int? DurationMinutes, bool AlternateHosts = true, string? StandingAgenda = null, string? Source = null);

public sealed record RosterChange(DateOnly? On, IReadOnlyList<SeatChange>? Joins, IReadOnlyList<Guid>? Leaves);

/// <summary>Standing task forces: chartered, approved by the oversight institution, balanced between their two sides.</summary>
public static class TaskForces
{
    public static async Task<Result<Guid>> CharterAsync(WriteScope scope, TaskForceInput input, CancellationToken ct)
    {
        var db = scope.Db;
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 300)
            return new DomainError("name", "Give the task force a name, up to 300 characters.");
        if (string.IsNullOrWhiteSpace(input.Purpose) || input.Purpose.Length > 4000)
            return new DomainError("purpose", "Say what the task force is for, up to 4,000 characters.");
        foreach (var (field, side) in new[] { ("sideA", input.SideA), ("sideB", input.SideB), ("oversight", input.Oversight) })
        {
            if (side is not { } value || !await db.Institutions.AnyAsync(i => i.Id == value, ct))
                return new DomainError(field, side is null ? $"Name the institution for {field}." : $"No institution {side} is in the directory.");
        }
        if (input.SideA == input.SideB)
            return new DomainError("sideB", "The two sides must be different institutions.");
        if (string.IsNullOrWhiteSpace(input.Charter) || input.Charter.Length > 20_000)
            return new DomainError("charter", "Write the charter the oversight institution is asked to approve (up to 20,000 characters).");
        if (input.SeatsPerSide is not (>= 1 and <= 100))
            return new DomainError("seatsPerSide", "Seats per side must be between 1 and 100.");
        if (input.AllowedDifference is not { } difference || difference < 0 || difference > input.SeatsPerSide)
            return new DomainError("allowedDifference", "Say by how many members the sides may differ (0 for equal sides), at most the seats per side.");
        if (Cadence.Check(input.Cadence, input.AlternateHosts) is { } fault)
            return new DomainError("cadence", fault);
        if (Zones.Find(input.Zone) is not { } zone)
            return new DomainError("zone", $"“{input.Zone}” is not a time zone of the tz database (for example Europe/Moscow).");
        if (input.FirstMeeting is not { } first)
            return new DomainError("firstMeeting", "Give the first meeting's local date and time: the series starts there.");
        if (input.DurationMinutes is not (>= 15 and <= 1440))
            return new DomainError("durationMinutes", "A meeting of the series lasts between 15 and 1,440 minutes.");
        var id = Guid.CreateVersion7();
        await scope.RecordAsync(new TaskForceChartered(id, input.Name.Trim(), input.Purpose.Trim(), input.SideA!.Value, input.SideB!.Value, input.Oversight!.Value,
            input.Charter.Trim(), input.SeatsPerSide.Value, difference, input.Cadence!.Trim().ToUpperInvariant(), DateTime.SpecifyKind(first, DateTimeKind.Unspecified),
            zone.Id, input.DurationMinutes.Value, input.AlternateHosts, input.StandingAgenda?.Trim() ?? "", input.Source), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> DecideCharterAsync(WriteScope scope, Guid id, bool approve, string? reason, StepActor actor, CancellationToken ct)
    {
        if (await scope.Db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } force)
            return new DomainError("taskForce", $"No task force {id}.", ErrorKind.NotFound);
        if (!(actor.Roles.Contains(Role.OversightOfficer) && actor.Institution == force.Oversight))
            return new DomainError("decision", "Only an oversight officer of the oversight institution may approve or return the charter.", ErrorKind.Forbidden);
        if (force.CharterState != CharterState.AwaitingApproval)
            return new DomainError("decision", $"The charter is already {(force.CharterState == CharterState.Approved ? "approved" : "returned")}.", ErrorKind.Conflict);
        if (!approve && string.IsNullOrWhiteSpace(reason))
            return new DomainError("reason", "Say why the charter is returned.");
        await scope.RecordAsync(new CharterDecided(id, approve, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()), ct);
        return Result<Guid>.Ok(id);
    }

    public static async Task<Result<Guid>> ChangeMembersAsync(WriteScope scope, Guid id, RosterChange input, CancellationToken ct)
    {
        var db = scope.Db;
        if (await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } force)
            return new DomainError("taskForce", $"No task force {id}.", ErrorKind.NotFound);
        if (input.On is not { } on)
            return new DomainError("on", "Give the date the change takes effect.");
        var joins = input.Joins ?? [];
        var leaves = input.Leaves ?? [];
        if (joins.Count == 0 && leaves.Count == 0)
            return new DomainError("joins", "Name at least one member who joins or leaves.");
        foreach (var j in joins)
        {
            if (!await db.People.AnyAsync(p => p.Id == j.Person, ct))
                return new DomainError("joins", $"No person {j.Person} is in the directory.", ErrorKind.NotFound);
        }
        var names = await Directory.DirectoryNames.NamesAsync(db, joins.Select(j => j.Person).Concat(leaves), ct);
        if (Roster.Apply(force, on, joins, leaves, n => names.GetValueOrDefault(n, n.ToString())) is { } fault)
            return fault;
        await scope.RecordAsync(new MembershipChanged(id, on, joins, leaves), ct);
        return Result<Guid>.Ok(id);
    }
}

/// <summary>The roster rules as a pure decision: one side per person, seats per side, and the charter's balance.</summary>
public static class Roster
{
    public static DomainError? Apply(TaskForce force, DateOnly on, IReadOnlyList<SeatChange> joins, IReadOnlyList<Guid> leaves, Func<Guid, string> name)
    {
        var current = force.Members.Where(m => m.Until is null).ToList();
        if (joins.GroupBy(j => j.Person).FirstOrDefault(g => g.Select(j => j.Side).Distinct().Count() > 1) is { } both)
            return new DomainError("joins", $"{name(both.Key)} cannot sit on both sides of the task force.");
        foreach (var j in joins)
        {
            if (current.FirstOrDefault(m => m.Person == j.Person && !leaves.Contains(m.Person)) is { } seated)
                return new DomainError("joins", seated.Side == j.Side
                    ? $"{name(j.Person)} is already a member of side {j.Side}."
                    : $"{name(j.Person)} already sits on side {seated.Side}; a member cannot sit on both sides.");
        }
        if (leaves.FirstOrDefault(l => current.All(m => m.Person != l)) is var stranger && stranger != Guid.Empty)
            return new DomainError("leaves", $"{name(stranger)} is not a current member.");
        if (current.Count > 0 && on < current.Max(m => m.Since))
            return new DomainError("on", $"The change is dated {on:yyyy-MM-dd}, before the roster's last change ({current.Max(m => m.Since):yyyy-MM-dd}).");
        var after = current.Where(m => !leaves.Contains(m.Person)).Select(m => m.Side).Concat(joins.Select(j => j.Side)).ToList();
        var (a, b) = (after.Count(s => s == Side.A), after.Count(s => s == Side.B));
        if (Math.Max(a, b) > force.SeatsPerSide)
            return new DomainError("joins", $"After this change a side would have {Math.Max(a, b)} members; the charter gives each side {force.SeatsPerSide} seats.");
        // Before approval the roster is a proposal and may be incomplete; once approved, every change keeps the balance.
        if (force.CharterState == CharterState.Approved && Math.Abs(a - b) > force.AllowedDifference)
            return new DomainError("joins", $"After this change side A would have {a} members and side B {b}; the charter allows a difference of {force.AllowedDifference}. "
                + "Add or remove members of both sides in one change.");
        return null;
    }

    public static (int A, int B) Counts(TaskForce force) =>
        (force.Members.Count(m => m.Until is null && m.Side == Side.A), force.Members.Count(m => m.Until is null && m.Side == Side.B));
}
