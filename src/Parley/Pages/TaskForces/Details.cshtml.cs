using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Parley.Access;
using Parley.Calendars;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.TaskForces;

[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class TaskForceModel(ParleyDb db, TimeProvider clock, IStringLocalizer<Text> text) : ParleyPage
{
    public TaskForce Force { get; private set; } = null!;
    public TaskForcePicture Picture { get; private set; } = null!;
    public IReadOnlyList<Occurrence> Upcoming { get; private set; } = [];
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public bool MayDecide { get; private set; }
    public string CadenceInWords { get; private set; } = "";
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, bool approve, string? reason, CancellationToken ct)
    {
        var result = await Edge.WriteAsync(Actor, (s, c) => DecideCharter.HandleAsync(s, id, approve, reason, Actor, c), ct);
        if (result.Succeeded)
            return Done(Redirect($"/task-forces/{id}"), approve ? "Charter approved." : "Charter returned with your reasons.");
        Show(result.Error!);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Joins on either side and a departure, as one change, so a balanced roster stays balanced.</summary>
    public async Task<IActionResult> OnPostMembersAsync(Guid id, DateOnly? on, string? joinA, MemberRole roleA, string? joinB, MemberRole roleB, Guid? leave, CancellationToken ct)
    {
        if (!Actor.May(Permission.RecordEngagements))
            return Forbid();
        var joins = new List<SeatChange>();
        foreach (var (name, side, role) in new[] { (joinA, Side.A, roleA), (joinB, Side.B, roleB) })
        {
            if (string.IsNullOrWhiteSpace(name))
                continue;
            var person = await DirectoryNames.PersonNamedAsync(db, name, "joins", ct);
            if (!person.Succeeded)
                return await FailAsync(id, person.Error!, ct);
            joins.Add(new SeatChange(person.Value, side, role));
        }
        var change = new RosterChange(on, joins, leave is { } l ? [l] : []);
        return await WriteAsync(id, (s, c) => ChangeMembers.HandleAsync(s, id, change, c), ct, "Membership changed.");
    }

    /// <summary>Schedules a planned meeting of the series: the current members, in the host's capital and zone, with the standing agenda.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(Guid id, int number, CancellationToken ct)
    {
        if (!Actor.May(Permission.RecordEngagements))
            return Forbid();
        if (await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } force)
            return NotFound();
        if (Cadence.Between(force, await HostZones.ForAsync(db, force, ct), DateTime.MinValue, DateTime.MaxValue, number).LastOrDefault() is not { } occurrence
            || occurrence.Number != number)
            return await FailAsync(id, $"The series has no meeting number {number}.", ct);
        var host = occurrence.Host == Side.A ? force.SideA : force.SideB;
        var country = await db.Institutions.Where(i => i.Id == host).Select(i => i.CountryCode).FirstOrDefaultAsync(ct);
        var members = force.Members.Where(m => m.Until is null).Select(m => new ParticipantInput(m.Person, m.Side == Side.A ? force.SideA : force.SideB)).ToList();
        var items = force.StandingAgenda.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var agenda = items.Select(i => new AgendaInput(i, null, Math.Max(1, force.DurationMinutes / items.Length))).ToList();
        var start = Zones.Local(occurrence.StartsAt, occurrence.Zone);
        var input = new MeetingInput($"{force.Name}: meeting {number}", country switch { "US" => "Washington", "RU" => "Moscow", _ => "(host to say)" }, occurrence.Zone,
            start, start.AddMinutes(force.DurationMinutes), members, agenda, TaskForce: id);
        var result = await Edge.WriteAsync(Actor, (s, c) => ScheduleMeeting.HandleAsync(s, input, null, c), ct);
        return result.Succeeded ? Done(Redirect($"/meetings/{result.Value}"), "Meeting of the task force scheduled.") : await FailAsync(id, result.Error!, ct);
    }

    private async Task<IActionResult> WriteAsync(Guid id, Func<WriteScope, CancellationToken, Task<Result<Guid>>> work, CancellationToken ct, string said)
    {
        var result = await Edge.WriteAsync(Actor, work, ct);
        return result.Succeeded ? Done(Redirect($"/task-forces/{id}"), said) : await FailAsync(id, result.Error!, ct);
    }

    private Task<IActionResult> FailAsync(Guid id, DomainError error, CancellationToken ct)
    {
        Show(error);
        return FailAsync(id, (string?)null, ct);
    }

    private async Task<IActionResult> FailAsync(Guid id, string? message, CancellationToken ct)
    {
        Error = message;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.TaskForces.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } force)
            return false;
        Force = force;
        var now = clock.GetUtcNow().UtcDateTime;
        Picture = await TaskForcePicture.ForAsync(db, force, now, ct, Languages.Current);
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.TaskForce == id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        // The series continues from its last recorded meeting (or its first date), so the next ones can be scheduled in turn.
        Upcoming = Cadence.Between(force, await HostZones.ForAsync(db, force, ct), Meetings.Count > 0 ? Meetings[^1].StartsAt.AddHours(12) : DateTime.MinValue, DateTime.MaxValue, 6);
        Names = await DirectoryNames.NamesAsync(db, force.Members.Select(m => m.Person).Concat([force.SideA, force.SideB, force.Oversight]), ct, Languages.Current);
        CadenceInWords = CadenceWords.Describe(force, Names.GetValueOrDefault(force.SideA, "A"), Names.GetValueOrDefault(force.SideB, "B"),
            Says.Localized(text), System.Globalization.CultureInfo.CurrentUICulture);
        var actor = Actor;
        CanRecord = Actor.May(Permission.RecordEngagements);
        MayDecide = force.CharterState == CharterState.AwaitingApproval && actor.Roles.Contains(Role.OversightOfficer) && actor.Institution == force.Oversight;
        return true;
    }
}
