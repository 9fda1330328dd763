using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Record;
using Parley.Statements;
using Parley.Web;

namespace Parley.Pages.Statements;

[Authorize(Policy = nameof(Permission.ReadStatements))]
public sealed class StatementsModel(ParleyDb db) : ParleyPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Speaker { get; set; }
    [BindProperty(SupportsGet = true)] public Medium? Medium { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // From the query alone: a page's route values hold "page" too (the page's own path), which would fail to bind.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Recorded { get; set; }

    public IReadOnlyList<StatementView> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public bool CanRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var (rows, more) = await StatementRegister.PageAsync(db, new StatementRegister.Filter(Q, Speaker, Medium, From, To), PageNumber, 50, ct);
        (Rows, HasMore) = (await StatementViews.ForAsync(db, rows, ct), more);
        CanRecord = Actor.May(Permission.RecordStatements);
    }
}
