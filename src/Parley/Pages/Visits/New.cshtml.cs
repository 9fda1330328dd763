using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Visits;

[Authorize(Policy = nameof(Permission.RecordEngagements))]
public sealed class NewVisitModel(ParleyDb db) : ParleyPage
{
    protected override IReadOnlySet<string> InlineFields { get; } = new HashSet<string> { "title", "purpose", "sentBy", "travellers", "met", "destination", "destinationCountry", "startsOn", "endsOn" };

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public Guid? SentBy { get; set; }
    [BindProperty] public string? Leader { get; set; }
    [BindProperty] public string? Travellers { get; set; }
    [BindProperty] public string? Met { get; set; }
    [BindProperty] public string? MembersNote { get; set; }
    [BindProperty] public string? Destination { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }

    public List<Institution> Institutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Guid? leader = null;
        if (!string.IsNullOrWhiteSpace(Leader))
        {
            var named = await DirectoryNames.PersonNamedAsync(db, Leader, "leader", ct);
            if (!named.Succeeded)
                return await FailAsync(named.Error!, ct);
            leader = named.Value;
        }
        var travellers = await DirectoryNames.PeopleNamedAsync(db, Travellers, "travellers", ct);
        if (!travellers.Succeeded)
            return await FailAsync(travellers.Error!, ct);
        var met = await DirectoryNames.PeopleNamedAsync(db, Met, "met", ct);
        if (!met.Succeeded)
            return await FailAsync(met.Error!, ct);
        var input = new VisitInput(Title, Purpose, leader, SentBy, Destination, Country, StartsOn, EndsOn, travellers.Value, MembersNote, Met: met.Value);
        var result = await Edge.WriteAsync(Actor, (s, c) => RecordVisit.HandleAsync(s, input, c), ct);
        return result.Succeeded ? Done(Redirect($"/visits/{result.Value}"), "Visit recorded.") : await FailAsync(result.Error!, ct);
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
