using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Calendars;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Scheduling;

/// <summary>The scheduling assistant: best windows with reasons, why an asked day is ruled out, and scheduling a proposal's meeting at a window.</summary>
[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class SchedulingModel(ParleyDb db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Text> text) : ParleyPage
{
    [BindProperty(SupportsGet = true)] public Guid? Proposal { get; set; }
    [BindProperty(SupportsGet = true)] public MeetingMode Mode { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? HostSide { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? VisitorSide { get; set; }
    [BindProperty(SupportsGet = true)] public string? HostPeople { get; set; }
    [BindProperty(SupportsGet = true)] public string? VisitorPeople { get; set; }
    [BindProperty(SupportsGet = true)] public int Duration { get; set; } = 90;
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Deadline { get; set; }
    [BindProperty(SupportsGet = true)] public int TravelDays { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public DateOnly? Ask { get; set; }
    [BindProperty(SupportsGet = true)] public string? Place { get; set; }
    [BindProperty(SupportsGet = true)] public bool Run { get; set; }

    public Proposal? Subject { get; private set; }
    public List<Institution> Institutions { get; private set; } = [];
    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];
    public DayVerdict? Verdict { get; private set; }
    public bool CanSchedule { get; private set; }
    public string HostZone { get; private set; } = "Etc/UTC";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await PrefillAsync(ct);
        if (Run)
            await SolveAsync(ct);
    }

    public async Task<IActionResult> OnPostScheduleAsync(DateTime start, CancellationToken ct)
    {
        if (!Actor.May(Permission.RecordEngagements))
            return Forbid();
        await PrefillAsync(ct);
        var people = await PeopleAsync(ct);
        if (Subject is null || people is null || Error is not null)
        {
            Error ??= "Open the assistant from a proposal to schedule its meeting.";
            return Page();
        }
        var zone = Zones.ForCountry(await CountryAsync(HostSide, ct));
        var input = new MeetingInput(Subject.Title, Place, zone, start, start.AddMinutes(Duration), people);
        var result = await Edge.WriteAsync(Actor, (s, c) => ScheduleProposal.HandleAsync(s, Subject.Id, input, c), ct);
        if (result.Succeeded)
            return Done(Redirect($"/meetings/{result.Value}"), "Meeting scheduled; the proposal is now scheduled.");
        Show(result.Error!);
        await SolveAsync(ct);
        return Page();
    }

    private async Task PrefillAsync(CancellationToken ct)
    {
        Institutions = await db.Institutions.AsNoTracking().Where(i => i.Kind == InstitutionKind.Chamber || i.Kind == InstitutionKind.Committee
            || i.Kind == InstitutionKind.Legislature).OrderBy(i => i.Name).ToListAsync(ct);
        CanSchedule = Actor.May(Permission.RecordEngagements);
        if (Proposal is not { } id || await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } proposal)
            return;
        Subject = proposal;
        // The other party hosts: the proposal came from the visitors' counterpart (Kosachev invites the SFRC to Moscow).
        (VisitorSide, HostSide) = (VisitorSide ?? proposal.PartyA, HostSide ?? proposal.PartyB);
        if (proposal.Window.FirstOrDefault(w => w.Kind == WindowKind.Before)?.Date is { } before)
            (From, Deadline) = (From ?? before.AddDays(-120), Deadline ?? before.AddDays(-1));
        if (proposal.ProposedBy is { } by && HostPeople is null && VisitorPeople is null)
        {
            // The proposer joins the side of their own country, by the rule scheduling applies: Kosachev hosts in Moscow,
            // a senator who proposes visits.
            var name = await db.People.Where(p => p.Id == by).Select(p => p.Name).FirstOrDefaultAsync(ct);
            var sides = new Dictionary<Guid, string?> { [HostSide!.Value] = await CountryAsync(HostSide, ct) };
            if (ScheduleMeeting.SpeaksForAnotherCountry(by, HostSide.Value, sides, await Posts.CountriesAsync(db, [by], ct)))
                VisitorPeople = name;
            else
                HostPeople = name;
        }
        Place ??= await CountryAsync(HostSide, ct) == "RU" ? "Moscow" : "Washington";
    }

    private async Task SolveAsync(CancellationToken ct)
    {
        var people = await PeopleAsync(ct);
        if (people is null)
            return;
        var (hostCountry, visitorCountry) = (await CountryAsync(HostSide, ct), await CountryAsync(VisitorSide, ct));
        HostZone = Zones.ForCountry(hostCountry);
        var request = new SchedulingRequest(Mode, people.Select(p => p.Person).ToList(), await ChamberOfAsync(HostSide, ct), await ChamberOfAsync(VisitorSide, ct),
            Zones.ForCountry(hostCountry), Zones.ForCountry(visitorCountry), Duration, From ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            Deadline ?? (From ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).AddDays(90), TravelDays, Proposal: Subject?.Id);
        var loaded = await SchedulingQueries.LoadAsync(db, request, ct, Languages.Current);
        if (!loaded.Succeeded)
        {
            Show(loaded.Error!);
            return;
        }
        // The reasons are sentences of the reader's language.
        var say = Says.Localized(text);
        Suggestions = Scheduler.Suggest(loaded.Value!, say: say);
        Verdict = Ask is { } day ? Scheduler.Explain(loaded.Value!, day, say) : null;
    }

    private async Task<List<ParticipantInput>?> PeopleAsync(CancellationToken ct)
    {
        var list = new List<ParticipantInput>();
        foreach (var (text, side) in new[] { (HostPeople, HostSide), (VisitorPeople, VisitorSide) })
        {
            var people = await DirectoryNames.PeopleNamedAsync(db, text, "participants", ct);
            if (!people.Succeeded || (people.Value!.Count > 0 && side is null))
            {
                Error = people.Error?.Message ?? "Choose the institution each side speaks for.";
                return null;
            }
            list.AddRange(people.Value.Select(p => new ParticipantInput(p, side!.Value)));
        }
        if (list.Count == 0)
            Error = "Name at least one participant (one full name per line).";
        return list.Count == 0 ? null : list;
    }

    private async Task<string?> CountryAsync(Guid? institution, CancellationToken ct) =>
        institution is null ? null : await db.Institutions.Where(i => i.Id == institution).Select(i => i.CountryCode).FirstOrDefaultAsync(ct);

    /// <summary>The chamber whose calendar counts for a side: the institution itself if it has a calendar, else its nearest parent that has one.</summary>
    private async Task<Guid?> ChamberOfAsync(Guid? institution, CancellationToken ct)
    {
        for (var (id, depth) = (institution, 0); id is { } current && depth < 5; depth++)
        {
            if (await db.CalendarPeriods.AnyAsync(p => p.Chamber == current, ct))
                return current;
            id = await db.Institutions.Where(i => i.Id == current).Select(i => i.ParentId).FirstOrDefaultAsync(ct);
        }
        return null;
    }
}
