using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Meetings;

[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class MeetingModel(ParleyDb db) : ParleyPage
{
    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<MinutesVersion> Minutes { get; private set; } = [];
    public IReadOnlyList<ActionItem> Actions { get; private set; } = [];
    public IReadOnlyList<ActionItem> CarriedOver { get; private set; } = [];
    public Meeting? Next { get; private set; }
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public string ViewerZone { get; private set; } = "Etc/UTC";
    public bool CanRecord { get; private set; }
    public History History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostHoldAsync(Guid id, string? outcome, CancellationToken ct) =>
        WriteAsync(id, HoldMeeting.Needs, (s, c) => HoldMeeting.HandleAsync(s, id, [], outcome, c), ct, "Recorded as held. Draft its minutes below.");

    public Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct) =>
        WriteAsync(id, CancelMeeting.Needs, (s, c) => CancelMeeting.HandleAsync(s, id, reason, c), ct, "Meeting cancelled; participants with an address are told.");

    public Task<IActionResult> OnPostMinutesAsync(Guid id, MinutesCommand command, string? text, string? correcting, CancellationToken ct) =>
        WriteAsync(id, RecordMinutes.Needs, (s, c) => RecordMinutes.HandleAsync(s, id, command, text, correcting, c), ct, command switch
        {
            MinutesCommand.Draft => "Minutes saved as a draft.",
            MinutesCommand.Share => "Minutes shared for comments.",
            MinutesCommand.Comment => "Comment added to the minutes.",
            MinutesCommand.Approve => "Minutes approved and locked.",
            _ => "Minutes updated.",
        });

    public async Task<IActionResult> OnPostActionAsync(Guid id, string? what, string? owner, DateOnly? dueOn, CancellationToken ct)
    {
        Guid? person = null;
        if (!string.IsNullOrWhiteSpace(owner))
        {
            var named = await DirectoryNames.PersonNamedAsync(db, owner, "owner", ct);
            if (!named.Succeeded)
                return await FailAsync(id, named.Error!, ct);
            person = named.Value;
        }
        return await WriteAsync(id, RaiseAction.Needs, (s, c) => RaiseAction.HandleAsync(s, id, what, person, dueOn, c), ct, "Action item added.");
    }

    public async Task<IActionResult> OnPostAgendaAsync(Guid id, string? title, string? presenter, int? minutes, string? letter, CancellationToken ct)
    {
        if (await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
            return NotFound();
        Guid? who = null, letterId = null;
        if (!string.IsNullOrWhiteSpace(presenter))
        {
            var named = await DirectoryNames.PersonNamedAsync(db, presenter, "presenter", ct);
            if (!named.Succeeded)
                return await FailAsync(id, named.Error!, ct);
            who = named.Value;
        }
        if (!string.IsNullOrWhiteSpace(letter))
        {
            var numbered = await StatementRegister.LetterNumberedAsync(db, letter, ct);
            if (!numbered.Succeeded)
                return await FailAsync(id, numbered.Error!, ct);
            letterId = numbered.Value;
        }
        var items = meeting.Agenda.OrderBy(a => a.Order).Select(a => new AgendaInput(a.Title, a.Presenter, a.Minutes, a.Letter, a.LinkedProposal))
            .Append(new AgendaInput(title, who, minutes, letterId)).ToList();
        return await WriteAsync(id, SetAgenda.Needs, (s, c) => SetAgenda.HandleAsync(s, id, items, c), ct, "Agenda changed; participants with an address are sent the new version.");
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, Guid action, ActionStatus status, CancellationToken ct) =>
        WriteAsync(id, CloseAction.Needs, (s, c) => CloseAction.HandleAsync(s, action, status, c), ct, "Action item closed.");

    /// <summary>The next meeting of the series: same title, place, zone, length and participants, at a new local start.</summary>
    public async Task<IActionResult> OnPostNextAsync(Guid id, DateTime? start, CancellationToken ct)
    {
        if (await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m)
            return NotFound();
        var length = m.EndsAt - m.StartsAt;
        var input = new MeetingInput(m.Title, m.Place, m.Zone, start, start + length, m.Participants.Select(p => new ParticipantInput(p.Person, p.Side)).ToList(),
            m.Agenda.Select(a => new AgendaInput(a.Title, a.Presenter, a.Minutes, a.Letter, a.LinkedProposal)).ToList(), m.Visit, m.TaskForce, m.Series ?? m.Id);
        return await WriteAsync(ScheduleMeeting.Needs, (s, c) => ScheduleMeeting.HandleAsync(s, input, m.Proposal, c), next => Done(Redirect($"/meetings/{next}"), "Next meeting of the series scheduled; open actions are carried over."), () => AgainAsync(id, ct), ct);
    }

    private Task<IActionResult> WriteAsync(Guid id, Permission needs, Func<WriteScope, CancellationToken, Task<Result<Guid>>> work, CancellationToken ct, string said) =>
        WriteAsync(needs, work, _ => Done(Redirect($"/meetings/{id}"), said), () => AgainAsync(id, ct), ct);

    private async Task<IActionResult> FailAsync(Guid id, DomainError error, CancellationToken ct)
    {
        Show(error);
        return await AgainAsync(id, ct);
    }

    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
            return false;
        Meeting = meeting;
        Minutes = await db.Minutes.AsNoTracking().Where(v => v.Meeting == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        Actions = await db.Actions.AsNoTracking().Where(a => a.Meeting == id).OrderBy(a => a.DueOn).ToListAsync(ct);
        CarriedOver = await Series.CarriedOverAsync(db, meeting, ct);
        Next = await Series.NextAsync(db, meeting, ct);
        Names = await DirectoryNames.NamesAsync(db, meeting.Participants.SelectMany(p => new[] { p.Person, p.Side }).Concat(Actions.Concat(CarriedOver).Select(a => a.Owner)), ct, Languages.Current);
        ViewerZone = await EngagementViews.ViewerZoneAsync(db, Actor, ct);
        CanRecord = Actor.May(Permission.RecordEngagements);
        History = await RecordHistory.ForAsync(db, $"meeting/{id}", ct);
        return true;
    }
}
