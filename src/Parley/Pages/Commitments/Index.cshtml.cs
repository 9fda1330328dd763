using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Commitments;

[Authorize(Policy = nameof(Permission.ReadStatements))]
public sealed class CommitmentsModel(ParleyDb db, TimeProvider clock) : ParleyPage
{
    [BindProperty(SupportsGet = true)] public CommitmentState? State { get; set; }

    public IReadOnlyList<Commitment> Rows { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public Dictionary<Guid, (string Href, string Title)> Engagements { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanConfirm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string? note, CancellationToken ct)
    {
        if (!Actor.May(Permission.RecordStatements))
            return Forbid();
        var result = await Edge.WriteAsync(Actor, (s, c) => ConfirmCommitment.HandleAsync(s, id, note, clock.GetUtcNow().UtcDateTime, c), ct);
        if (result.Succeeded)
            return Done(RedirectToPage(new { state = State }), "Commitment confirmed as kept.");
        Show(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Rows = await Parley.Statements.Commitments.ListAsync(db, State, Today, null, null, ct);
        var ids = Rows.SelectMany(r => new[] { r.ByPerson, r.ByInstitution, r.Letter }).OfType<Guid>().Distinct().ToList();
        Names = await DirectoryNames.NamesAsync(db, ids, ct, Languages.Current);
        foreach (var l in await db.Letters.Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Number }).ToListAsync(ct))
            Names[l.Id] = $"Letter {l.Number}";
        // An engagement is a meeting or a proposal (whose meeting counts); link to whichever it is.
        var engagements = Rows.Select(r => r.Engagement).OfType<Guid>().Distinct().ToList();
        foreach (var m in await db.Meetings.Where(m => engagements.Contains(m.Id)).Select(m => new { m.Id, m.Title }).ToListAsync(ct))
            Engagements[m.Id] = ($"/meetings/{m.Id}", m.Title);
        foreach (var p in await db.Proposals.Where(p => engagements.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            Engagements[p.Id] = ($"/proposals/{p.Id}", p.Title);
        CanConfirm = Actor.May(Permission.RecordStatements);
    }
}
