using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Access;
using Parley.Correspondence;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Letters;

[Authorize(Policy = nameof(Permission.ReadLetters))]
public sealed class LettersModel(ParleyDb db, TimeProvider clock) : ParleyPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public LetterStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "exceptions")] public bool OnlyExceptions { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    // From the query alone: a page's route values hold "page" too (the page's own path), which would fail to bind.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<LetterRegister.Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public Names Names { get; private set; } = new([], []);
    public bool CanRegister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await LetterRegister.PageAsync(db, Actor, clock.GetUtcNow().UtcDateTime,
            new LetterRegister.Filter(Q, Status, OnlyExceptions, null, null, Topic, From, To), PageNumber, 50, ct);
        (Rows, HasMore, PageNumber) = (page.Rows, page.HasMore, page.PageNumber);
        Names = await Names.ForAsync(db, Rows.Select(r => r.State), ct);
        CanRegister = Actor.May(RegisterLetter.Needs);
    }
}
