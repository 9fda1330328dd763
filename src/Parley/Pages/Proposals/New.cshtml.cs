using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Proposals;

[Authorize(Policy = nameof(Permission.RecordEngagements))]
public sealed class NewProposalModel(ParleyDb db) : ParleyPage
{
    protected override IReadOnlySet<string> InlineFields { get; } = new HashSet<string> { "title", "purpose", "proposedBy" };

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public Guid? PartyA { get; set; }
    [BindProperty] public Guid? PartyB { get; set; }
    [BindProperty] public Guid? Oversight { get; set; }
    [BindProperty] public string? ProposedBy { get; set; }
    [BindProperty] public Guid? SessionOf { get; set; }
    [BindProperty] public Guid? RecessOf { get; set; }
    [BindProperty] public DateOnly? NotBefore { get; set; }
    [BindProperty] public DateOnly? Before { get; set; }

    public List<Institution> Institutions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Guid? by = null;
        if (!string.IsNullOrWhiteSpace(ProposedBy))
        {
            var named = await DirectoryNames.PersonNamedAsync(db, ProposedBy, "proposedBy", ct);
            if (!named.Succeeded)
                return await FailAsync(named.Error!, ct);
            by = named.Value;
        }
        var window = new List<WindowEntry>();
        if (SessionOf is { } s)
            window.Add(new WindowEntry(WindowKind.DuringSession, s, null));
        if (RecessOf is { } r)
            window.Add(new WindowEntry(WindowKind.WhileInRecess, r, null));
        if (NotBefore is { } nb)
            window.Add(new WindowEntry(WindowKind.NotBefore, null, nb));
        if (Before is { } b)
            window.Add(new WindowEntry(WindowKind.Before, null, b));
        var input = new ProposalInput(Title, Purpose, PartyA, PartyB, by, Oversight, window);
        var result = await Edge.WriteAsync(Actor, (sc, c) => MakeProposal.HandleAsync(sc, input, c), ct);
        return result.Succeeded ? Done(Redirect($"/proposals/{result.Value}"), "Proposal made; it waits for the oversight institution's review.") : await FailAsync(result.Error!, ct);
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
