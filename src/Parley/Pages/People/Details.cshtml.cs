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

    public IReadOnlyList<Parley.Statements.StatementView> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await DirectoryQueries.PersonAsync(db, id, ct) is not { } details)
            return NotFound();
        Details = details;
        History = await RecordHistory.ForAsync(db, $"person/{id}", ct);
        var (said, _) = await Parley.Statements.StatementRegister.PageAsync(db, new(Speaker: id), 1, 20, ct);
        Statements = await Parley.Statements.StatementViews.ForAsync(db, said, ct);
        return Page();
    }
}
