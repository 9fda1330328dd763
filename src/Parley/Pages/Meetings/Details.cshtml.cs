using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Meetings;

[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class MeetingModel(ParleyDb db, Recorder recorder, IAuthorizationService authorization) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<MinutesVersion> Minutes { get; private set; } = [];
    public IReadOnlyList<ActionItem> Actions { get; private set; } = [];
    public IReadOnlyList<ActionItem> CarriedOver { get; private set; } = [];
    public Meeting? Next { get; private set; }
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public string ViewerZone { get; private set; } = "Etc/UTC";
    public bool CanRecord { get; private set; }
    public string? Error { get; private set; }
    public History History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostHoldAsync(Guid id, string? outcome, CancellationToken ct) =>
        WriteAsync(id, (s, c) => Parley.Engagements.Meetings.HoldAsync(s, id, [], outcome, c), ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct) =>
        WriteAsync(id, (s, c) => Parley.Engagements.Meetings.CancelAsync(s, id, reason, c), ct);

    public Task<IActionResult> OnPostMinutesAsync(Guid id, MinutesCommand command, string? text, string? correcting, CancellationToken ct) =>
        WriteAsync(id, (s, c) => Parley.Engagements.Minutes.ApplyAsync(s, id, command, text, correcting, c), ct);

    public async Task<IActionResult> OnPostActionAsync(Guid id, string? what, string? owner, DateOnly? dueOn, CancellationToken ct)
    {
        Guid? person = null;
        if (!string.IsNullOrWhiteSpace(owner))
        {
            var named = await DirectoryNames.PersonNamedAsync(db, owner, "owner", ct);
            if (!named.Succeeded)
                return await FailAsync(id, named.Error!.Message, ct);
            person = named.Value;
        }
        return await WriteAsync(id, (s, c) => Parley.Engagements.Actions.RaiseAsync(s, id, what, person, dueOn, c), ct);
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
                return await FailAsync(id, named.Error!.Message, ct);
            who = named.Value;
        }
        if (!string.IsNullOrWhiteSpace(letter))
        {
            var numbered = await StatementRegister.LetterNumberedAsync(db, letter, ct);
            if (!numbered.Succeeded)
                return await FailAsync(id, numbered.Error!.Message, ct);
            letterId = numbered.Value;
        }
        var items = meeting.Agenda.OrderBy(a => a.Order).Select(a => new AgendaInput(a.Title, a.Presenter, a.Minutes, a.Letter, a.LinkedProposal))
            .Append(new AgendaInput(title, who, minutes, letterId)).ToList();
        return await WriteAsync(id, (s, c) => Parley.Engagements.Meetings.SetAgendaAsync(s, id, items, c), ct);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, Guid action, ActionStatus status, CancellationToken ct) =>
        WriteAsync(id, (s, c) => Parley.Engagements.Actions.CloseAsync(s, action, status, c), ct);

    /// <summary>The next meeting of the series: same title, place, zone, length and participants, at a new local start.</summary>
    public async Task<IActionResult> OnPostNextAsync(Guid id, DateTime? start, CancellationToken ct)
    {
        if (await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } m)
            return NotFound();
        var length = m.EndsAt - m.StartsAt;
        var input = new MeetingInput(m.Title, m.Place, m.Zone, start, start + length, m.Participants.Select(p => new ParticipantInput(p.Person, p.Side)).ToList(),
            m.Agenda.Select(a => new AgendaInput(a.Title, a.Presenter, a.Minutes, a.Letter, a.LinkedProposal)).ToList(), m.Visit, m.TaskForce, m.Series ?? m.Id);
        if (!(await authorization.AuthorizeAsync(User, nameof(Permission.RecordEngagements))).Succeeded)
            return Forbid();
        var result = await recorder.WriteAsync(Problems.Actor(User), (s, c) => Parley.Engagements.Meetings.ScheduleAsync(s, input, m.Proposal, c), ct);
        return result.Succeeded ? Redirect($"/meetings/{result.Value}") : await FailAsync(id, result.Error!.Message, ct);
    }

    private async Task<IActionResult> WriteAsync(Guid id, Func<WriteScope, CancellationToken, Task<Result<Guid>>> work, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, nameof(Permission.RecordEngagements))).Succeeded)
            return Forbid();
        var result = await recorder.WriteAsync(Problems.Actor(User), work, ct);
        return result.Succeeded ? Redirect($"/meetings/{id}") : await FailAsync(id, result.Error!.Message, ct);
    }

    private async Task<IActionResult> FailAsync(Guid id, string message, CancellationToken ct)
    {
        Error = message;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
            return false;
        Meeting = meeting;
        Minutes = await db.Minutes.AsNoTracking().Where(v => v.Meeting == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        Actions = await db.Actions.AsNoTracking().Where(a => a.Meeting == id).OrderBy(a => a.DueOn).ToListAsync(ct);
        CarriedOver = await Parley.Engagements.Actions.CarriedOverAsync(db, meeting, ct);
        Next = await Parley.Engagements.Actions.NextInSeriesAsync(db, meeting, ct);
        Names = await Parley.Directory.DirectoryNames.NamesAsync(db, meeting.Participants.SelectMany(p => new[] { p.Person, p.Side }).Concat(Actions.Concat(CarriedOver).Select(a => a.Owner)), ct);
        ViewerZone = await EngagementViews.ViewerZoneAsync(db, User, ct);
        CanRecord = (await authorization.AuthorizeAsync(User, nameof(Permission.RecordEngagements))).Succeeded;
        History = await RecordHistory.ForAsync(db, $"meeting/{id}", ct);
        return true;
    }
}
