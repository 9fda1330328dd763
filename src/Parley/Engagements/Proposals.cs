using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Record;

namespace Parley.Engagements;

public sealed record ProposalInput(
    string? Title, string? Purpose, Guid? PartyA, Guid? PartyB, Guid? ProposedBy, Guid? Oversight, IReadOnlyList<WindowEntry>? Window, string? Source = null);

/// <summary>Who takes a step: their institution and roles decide whether an oversight step is theirs to take.</summary>
public sealed record StepActor(Guid? Institution, IReadOnlyList<Role> Roles);

public static class Proposals
{
    public static async Task<Result<Guid>> MakeAsync(WriteScope scope, ProposalInput input, CancellationToken ct)
    {
        var db = scope.Db;
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
            return new DomainError("title", "Give the proposal a title, up to 300 characters.");
        if (string.IsNullOrWhiteSpace(input.Purpose) || input.Purpose.Length > 4000)
            return new DomainError("purpose", "Say what the engagement is for, up to 4,000 characters.");
        foreach (var (field, party) in new[] { ("partyA", input.PartyA), ("partyB", input.PartyB), ("oversight", input.Oversight) })
        {
            if (party is not { } value)
                return new DomainError(field, field == "oversight" ? "Name the oversight institution that approves the engagement." : "Name both parties (institutions).");
            if (!await db.Institutions.AnyAsync(i => i.Id == value, ct))
                return new DomainError(field, $"No institution {value} is in the directory.", ErrorKind.NotFound);
        }
        if (input.PartyA == input.PartyB)
            return new DomainError("partyB", "The two parties must be different institutions.");
        if (input.ProposedBy is { } by && !await db.People.AnyAsync(p => p.Id == by, ct))
            return new DomainError("proposedBy", $"No person {by} is in the directory.", ErrorKind.NotFound);
        var window = new List<WindowEntry>();
        foreach (var (w, n) in (input.Window ?? []).Select((w, i) => (w, i + 1)))
        {
            var needsChamber = w.Kind is WindowKind.DuringSession or WindowKind.WhileInRecess;
            if (needsChamber && (w.Chamber is not { } chamber || !await db.Institutions.AnyAsync(i => i.Id == chamber, ct)))
                return new DomainError($"window[{n}].chamber", $"Window condition {n} needs a chamber that is in the directory.");
            if (!needsChamber && w.Date is null)
                return new DomainError($"window[{n}].date", $"Window condition {n} needs a date.");
            window.Add(new WindowEntry(w.Kind, needsChamber ? w.Chamber : null, needsChamber ? null : w.Date));
        }
        var id = Guid.CreateVersion7();
        await scope.RecordAsync(new ProposalMade(id, input.Title.Trim(), input.Purpose.Trim(), input.PartyA!.Value, input.PartyB!.Value, input.ProposedBy,
            input.Oversight!.Value, window, input.Source), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>Review, approve, return, resubmit or close; oversight steps only by an oversight officer of the oversight institution.</summary>
    public static async Task<Result<Guid>> StepAsync(WriteScope scope, Guid id, ProposalStep step, string? reason, StepActor actor, CancellationToken ct)
    {
        if (await scope.Db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } proposal)
            return new DomainError("proposal", $"No proposal {id}.", ErrorKind.NotFound);
        if (step is ProposalStep.Schedule or ProposalStep.Hold)
            return new DomainError("step", step == ProposalStep.Schedule ? "Schedule a proposal by scheduling its meeting." : "A proposal is held when its meeting is recorded as held.");
        if (ProposalFlow.IsOversight(step) && !(actor.Roles.Contains(Role.OversightOfficer) && actor.Institution == proposal.Oversight))
        {
            var oversight = await scope.Db.Institutions.Where(i => i.Id == proposal.Oversight).Select(i => i.Name).FirstOrDefaultAsync(ct);
            return new DomainError("step", $"Only an oversight officer of {oversight} may {StepVerb(step)} this proposal.", ErrorKind.Forbidden);
        }
        if (ProposalFlow.Next(proposal.State, step) is null)
            return new DomainError("step", ProposalFlow.Refusal(proposal.State, step), ErrorKind.Conflict);
        if (step == ProposalStep.Return && string.IsNullOrWhiteSpace(reason))
            return new DomainError("reason", "Say why the proposal is returned, so its authors can revise it.");
        if (reason is { Length: > 4000 })
            return new DomainError("reason", "Keep the reason under 4,000 characters.");
        await scope.RecordAsync(new ProposalStepped(id, step, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), null), ct);
        return Result<Guid>.Ok(id);
    }

    /// <summary>Schedules the proposal's meeting: only once approved, and only on a day its target window allows.</summary>
    public static async Task<Result<Guid>> ScheduleAsync(WriteScope scope, Guid id, MeetingInput meeting, CancellationToken ct)
    {
        if (await scope.Db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } proposal)
            return new DomainError("proposal", $"No proposal {id}.", ErrorKind.NotFound);
        if (ProposalFlow.Next(proposal.State, ProposalStep.Schedule) is null)
            return new DomainError("proposal", ProposalFlow.Refusal(proposal.State, ProposalStep.Schedule), ErrorKind.Conflict);
        if (meeting.Start is { } start)
        {
            var calendars = await CalendarQueries.DaysAsync(scope.Db, proposal.Window.Select(w => w.Chamber).OfType<Guid>(), ct);
            var names = await Parley.Directory.DirectoryNames.NamesAsync(scope.Db, calendars.Keys, ct);
            if (Window.Violation(proposal.Window, DateOnly.FromDateTime(start), calendars, names) is { } why)
                return new DomainError("start", $"The proposal's target window rules out {start:yyyy-MM-dd}: {why}.");
        }
        var scheduled = await Meetings.ScheduleAsync(scope, meeting, id, ct);
        if (!scheduled.Succeeded)
            return scheduled;
        await scope.RecordAsync(new ProposalStepped(id, ProposalStep.Schedule, null, scheduled.Value), ct);
        return scheduled;
    }

    private static string StepVerb(ProposalStep step) => step switch
    {
        ProposalStep.Review => "take under review",
        ProposalStep.Approve => "approve",
        ProposalStep.Return => "return",
        _ => step.ToString().ToLowerInvariant(),
    };
}

/// <summary>Whether a day meets a target window's conditions, and if not, which condition rules it out.</summary>
public static class Window
{
    public static string? Violation(IEnumerable<WindowConstraint> window, DateOnly day, IReadOnlyDictionary<Guid, ChamberDays> calendars, IReadOnlyDictionary<Guid, string> names)
    {
        foreach (var w in window)
        {
            var chamber = w.Chamber is { } c ? calendars.GetValueOrDefault(c) ?? new ChamberDays([]) : null;
            var name = w.Chamber is { } n ? names.GetValueOrDefault(n, "the chamber") : "";
            var why = w.Kind switch
            {
                WindowKind.Before when day >= w.Date => $"it must be before {w.Date:d MMM yyyy}",
                WindowKind.NotBefore when day < w.Date => $"it must be on or after {w.Date:d MMM yyyy}",
                WindowKind.DuringSession when !chamber!.InSession(day) => $"{name} must be in session, and on that day it is {chamber.Describe(day)}",
                WindowKind.WhileInRecess when chamber!.InSession(day) => $"{name} must be in recess, and on that day it is {chamber.Describe(day)}",
                _ => null,
            };
            if (why is not null)
                return why;
        }
        return null;
    }

    public static string Describe(WindowConstraint w, IReadOnlyDictionary<Guid, string> names) => w.Kind switch
    {
        WindowKind.DuringSession => $"while {names.GetValueOrDefault(w.Chamber ?? Guid.Empty, "the chamber")} is in session",
        WindowKind.WhileInRecess => $"while {names.GetValueOrDefault(w.Chamber ?? Guid.Empty, "the chamber")} is in recess",
        WindowKind.NotBefore => $"not before {w.Date:d MMM yyyy}",
        WindowKind.Before => $"before {w.Date:d MMM yyyy}",
    };
}
