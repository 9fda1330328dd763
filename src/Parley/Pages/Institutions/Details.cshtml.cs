using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Access;
using Parley.Directory;
using Parley.Record;

namespace Parley.Pages.Institutions;

[Authorize(Policy = nameof(Permission.ReadDirectory))]
public sealed class InstitutionModel(ParleyDb db, TimeProvider clock) : PageModel
{
    public InstitutionDetails Details { get; private set; } = null!;

    public History History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? on, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (await DirectoryQueries.InstitutionAsync(db, id, on, today, ct) is not { } details)
            return NotFound();
        Details = details;
        History = await RecordHistory.ForAsync(db, $"institution/{id}", ct);
        return Page();
    }
}
