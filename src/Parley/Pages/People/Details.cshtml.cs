using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Whom the person has met across the sides (from attendance at held meetings), and their meetings.</summary>
    public IReadOnlyList<Parley.Engagements.Tie> Ties { get; private set; } = [];
    public IReadOnlyList<Parley.Engagements.Meeting> Meetings { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await DirectoryQueries.PersonAsync(db, id, ct) is not { } details)
            return NotFound();
        Details = details;
        History = await RecordHistory.ForAsync(db, $"person/{id}", ct);
        var (said, _) = await Parley.Statements.StatementRegister.PageAsync(db, new(Speaker: id), 1, 20, ct);
        Statements = await Parley.Statements.StatementViews.ForAsync(db, said, ct);
        Ties = await Parley.Engagements.Relationships.TiesAsync(db, [id], ct);
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => p.Person == id)).OrderByDescending(m => m.StartsAt).Take(50).ToListAsync(ct);
        Names = await Parley.Engagements.EngagementViews.NamesAsync(db, Ties.Select(t => t.Counterpart), ct);
        return Page();
    }
}
