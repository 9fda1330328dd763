using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Access;
using Parley.Directory;
using Parley.Record;

namespace Parley.Pages.People;

[Authorize(Policy = nameof(Permission.ReadDirectory))]
public sealed class PersonModel(ParleyDb db) : PageModel
{
    public PersonDetails Details { get; private set; } = null!;

    public History History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await DirectoryQueries.PersonAsync(db, id, ct) is not { } details)
            return NotFound();
        Details = details;
        History = await RecordHistory.ForAsync(db, $"person/{id}", ct);
        return Page();
    }
}
