using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Visits;

[Authorize(Policy = nameof(Permission.ReadEngagements))]
public sealed class VisitModel(ParleyDb db) : PageModel
{
    public Visit Visit { get; private set; } = null!;
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];
    public IReadOnlyList<Guid> Met { get; private set; } = [];

    /// <summary>The hosts the visit's travellers met, as its source says (beside those at its recorded meetings).</summary>
    public IReadOnlyList<Guid> Hosts { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Visits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is not { } visit)
            return NotFound();
        Visit = visit;
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.Visit == id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        Met = Meetings.SelectMany(m => m.Participants.Select(p => p.Side)).Where(s => s != visit.SentBy).Distinct().ToList();
        Hosts = await VisitRegister.HostsAsync(db, visit, ct);
        Names = await DirectoryNames.NamesAsync(db, visit.Travellers.Select(t => t.Person).Concat(Met).Concat(Hosts).Append(visit.SentBy), ct, Languages.Current);
        return Page();
    }
}
