using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Parley.Calendars;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>What a user asks the assistant; <see cref="Ask"/> are days to explain ("why not the 17th?").</summary>
public sealed record SchedulingRequest(
    MeetingMode Mode, IReadOnlyList<Guid>? Participants, Guid? HostChamber, Guid? VisitorChamber, [property: MaxLength(64)] string? HostZone, [property: MaxLength(64)] string? VisitorZone,
    int? DurationMinutes, DateOnly? From, DateOnly? Deadline, int? TravelDays = 1, TimeOnly? WorkStart = null, TimeOnly? WorkEnd = null,
    Guid? Proposal = null, IReadOnlyList<DateOnly>? Ask = null);

public static class SchedulingQueries
{
    /// <summary>Loads calendars, busy times (own and already scheduled meetings) and the proposal's window into a pure problem.</summary>
    public static async Task<Result<SchedulingProblem>> LoadAsync(ParleyDb db, SchedulingRequest r, CancellationToken ct, string? lang = null)
    {
        if (Zones.Find(r.HostZone) is not { } hostZone)
            return new DomainError("hostZone", $"“{r.HostZone}” is not a time zone of the tz database (for example Europe/Moscow).");
        if (Zones.Find(r.VisitorZone) is not { } visitorZone)
            return new DomainError("visitorZone", $"“{r.VisitorZone}” is not a time zone of the tz database (for example America/New_York).");
        if (r.From is not { } from || r.Deadline is not { } deadline)
            return new DomainError(r.From is null ? "from" : "deadline", "Give the first day to consider and the deadline.");
        if (deadline < from || deadline.DayNumber - from.DayNumber > 800)
            return new DomainError("deadline", "The deadline must be on or after the first day, and within about two years of it.");
        if (r.DurationMinutes is not (>= 15 and <= 600))
            return new DomainError("durationMinutes", "The meeting must last between 15 and 600 minutes.");
        if (r.TravelDays is not (>= 0 and <= 7))
            return new DomainError("travelDays", "Travel days each way must be between 0 and 7.");
        var (workStart, workEnd) = (r.WorkStart ?? new TimeOnly(9, 0), r.WorkEnd ?? new TimeOnly(18, 0));
        if (workEnd <= workStart)
            return new DomainError("workEnd", "Working hours must end after they start.");
        var people = r.Participants ?? [];
        if (people.Count == 0)
            return new DomainError("participants", "Name the participants whose calendars count.");
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        if (people.FirstOrDefault(p => !names.ContainsKey(p)) is var unknown && unknown != Guid.Empty)
            return new DomainError("participants", $"No person {unknown} is in the directory.", ErrorKind.NotFound);
        var window = new List<WindowConstraint>();
        if (r.Proposal is { } proposalId)
        {
            if (await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proposalId, ct) is not { } proposal)
                return new DomainError("proposal", $"No proposal {proposalId}.", ErrorKind.NotFound);
            window.AddRange(proposal.Window);
        }
        var chambers = new[] { r.HostChamber, r.VisitorChamber }.OfType<Guid>().Concat(window.Select(w => w.Chamber).OfType<Guid>()).Distinct().ToList();
        var calendars = await CalendarQueries.DaysAsync(db, chambers, ct);
        var chamberNames = await Parley.Directory.DirectoryNames.NamesAsync(db, chambers, ct, lang);
        foreach (var c in chambers.Where(c => !chamberNames.ContainsKey(c)))
            return new DomainError(c == r.HostChamber ? "hostChamber" : "visitorChamber", $"No institution {c} is in the directory.", ErrorKind.NotFound);
        Chamber? Of(Guid? id) => id is { } c ? new Chamber(chamberNames[c], calendars[c]) : null;
        var busy = await BusyAsync(db, people, Zones.ToUtc(from.AddDays(-1), TimeOnly.MinValue, hostZone), Zones.ToUtc(deadline.AddDays(2), TimeOnly.MinValue, hostZone), ct);
        return Result<SchedulingProblem>.Ok(new SchedulingProblem(r.Mode, hostZone, visitorZone, Of(r.HostChamber), Of(r.VisitorChamber), names, busy,
            r.DurationMinutes.Value, from, deadline, r.Mode == MeetingMode.InPerson ? r.TravelDays.Value : 0, workStart, workEnd, window, calendars, chamberNames));
    }

    /// <summary>Each person's busy times in the period, sorted and merged: their own, and meetings they are invited to.</summary>
    public static async Task<Dictionary<Guid, Busy[]>> BusyAsync(ParleyDb db, IReadOnlyCollection<Guid> people, DateTime from, DateTime to, CancellationToken ct)
    {
        var own = await db.BusyTimes.AsNoTracking().Where(b => people.Contains(b.Person) && b.EndsAt > from && b.StartsAt < to)
            .Select(b => new { b.Person, b.StartsAt, b.EndsAt }).ToListAsync(ct);
        var meetings = (await db.Meetings.AsNoTracking()
                .Where(m => m.Status != MeetingStatus.Cancelled && m.EndsAt > from && m.StartsAt < to && m.Participants.Any(p => people.Contains(p.Person)))
                .ToListAsync(ct))
            .SelectMany(m => m.Participants.Where(p => people.Contains(p.Person)).Select(p => new { p.Person, m.StartsAt, m.EndsAt }));
        return own.Concat(meetings).GroupBy(b => b.Person).ToDictionary(g => g.Key, g => Merge(g.Select(b => new Busy(b.StartsAt, b.EndsAt))));
    }

    public static Busy[] Merge(IEnumerable<Busy> times)
    {
        var merged = new List<Busy>();
        foreach (var b in times.OrderBy(b => b.Start))
        {
            if (merged.Count > 0 && b.Start <= merged[^1].End)
                merged[^1] = merged[^1] with { End = b.End > merged[^1].End ? b.End : merged[^1].End };
            else
                merged.Add(b);
        }
        return [.. merged];
    }
}
