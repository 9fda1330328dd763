using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Meetings;

/// <summary>Schedule a meeting (on a visit, or on its own): two sides, each a list of full names, and agenda lines "title | minutes".</summary>
[Authorize(Policy = nameof(Permission.RecordEngagements))]
public sealed class NewMeetingModel(ParleyDb db) : ParleyPage
{
    protected override IReadOnlySet<string> InlineFields { get; } = new HashSet<string> { "title", "place", "zone", "start", "end", "agenda" };

    [BindProperty(SupportsGet = true)] public Guid? Visit { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Zone { get; set; }
    [BindProperty] public DateTime? Start { get; set; }
    [BindProperty] public DateTime? End { get; set; }
    [BindProperty] public Guid? SideA { get; set; }
    [BindProperty] public string? PeopleA { get; set; }
    [BindProperty] public Guid? SideB { get; set; }
    [BindProperty] public string? PeopleB { get; set; }
    [BindProperty] public string? Agenda { get; set; }

    public List<Institution> Institutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Visit is { } id && await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is { } visit)
            (Place, Zone, SideA, Title) = (visit.Destination, Zones.ForCountry(visit.DestinationCountry), visit.SentBy, visit.Title);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var participants = new List<ParticipantInput>();
        foreach (var (names, side) in new[] { (PeopleA, SideA), (PeopleB, SideB) })
        {
            var people = await DirectoryNames.PeopleNamedAsync(db, names, "participants", ct);
            if (!people.Succeeded)
                return await FailAsync(people.Error!, ct);
            if (people.Value!.Count > 0 && side is null)
                return await FailAsync("Choose the institution each side's participants speak for.", ct);
            participants.AddRange(people.Value.Select(p => new ParticipantInput(p, side!.Value)));
        }
        var agenda = new List<AgendaInput>();
        foreach (var (line, n) in (Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i + 1)))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !int.TryParse(parts[1], out var minutes))
                return await FailAsync($"Agenda line {n}: write “title | minutes”, for example “Legislative dialogue | 45”.", ct);
            agenda.Add(new AgendaInput(parts[0], null, minutes));
        }
        var input = new MeetingInput(Title, Place, Zone, Start, End, participants, agenda, Visit);
        var result = await Edge.WriteAsync(Actor, (s, c) => ScheduleMeeting.HandleAsync(s, input, null, c), ct);
        return result.Succeeded ? Done(Redirect($"/meetings/{result.Value}"), "Meeting scheduled.") : await FailAsync(result.Error!, ct);
    }

    /// <summary>The refusal beside the field it names (or at the top), and the form again.</summary>
    private Task<IActionResult> FailAsync(DomainError error, CancellationToken ct)
    {
        Show(error);
        return FailAsync((string?)null, ct);
    }

    private async Task<IActionResult> FailAsync(string? message, CancellationToken ct)
    {
        Error = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Name).Take(2000).ToListAsync(ct);
}
