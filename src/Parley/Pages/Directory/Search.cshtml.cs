using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parley.Access;
using Parley.Directory;
using Parley.Record;

namespace Parley.Pages.Directory;

[Authorize(Policy = nameof(Permission.ReadDirectory))]
public sealed class SearchModel(ParleyDb db) : PageModel
{
    private const int Size = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    // From the query alone: a page's route values hold "page" too (the page's own path), which would fail to bind.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<PersonSummary> People { get; private set; } = new([], 0, 1, Size);
    public Page<InstitutionSummary> Institutions { get; private set; } = new([], 0, 1, Size);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        People = await DirectoryQueries.SearchPeopleAsync(db, Q, PageNumber, Size, ct);
        Institutions = await DirectoryQueries.SearchInstitutionsAsync(db, Q, PageNumber, Size, ct);
    }
}
