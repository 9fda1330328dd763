using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Commitments;

[Authorize(Policy = nameof(Permission.ReadStatements))]
public sealed class CommitmentsModel(ParleyDb db, Recorder recorder, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public CommitmentState? State { get; set; }

    public IReadOnlyList<Commitment> Rows { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanConfirm { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string? note, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, nameof(Permission.RecordStatements))).Succeeded)
            return Forbid();
        var result = await recorder.WriteAsync(Problems.Actor(User), (s, c) => Parley.Statements.Commitments.ConfirmAsync(s, id, note, clock.GetUtcNow().UtcDateTime, c), ct);
        if (result.Succeeded)
            return RedirectToPage(new { state = State });
        Error = result.Error!.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Rows = await Parley.Statements.Commitments.ListAsync(db, State, Today, null, null, ct);
        var ids = Rows.SelectMany(r => new[] { r.ByPerson, r.ByInstitution, r.Letter }).OfType<Guid>().Distinct().ToList();
        Names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var i in await db.Institutions.Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Name }).ToListAsync(ct))
            Names[i.Id] = i.Name;
        foreach (var l in await db.Letters.Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Number }).ToListAsync(ct))
            Names[l.Id] = $"Letter {l.Number}";
        CanConfirm = (await authorization.AuthorizeAsync(User, nameof(Permission.RecordStatements))).Succeeded;
    }
}
