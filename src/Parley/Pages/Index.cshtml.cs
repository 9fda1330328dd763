using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages;

/// <summary>The home page: for a signed-in user, what waits for them (their work); for everyone, the record's size.</summary>
public sealed class IndexModel(ParleyDb db, TimeProvider clock) : ParleyPage
{
    public IReadOnlyList<WorkItem> Work { get; private set; } = [];
    public bool SignedIn { get; private set; }
    public long Events { get; private set; }
    public int People { get; private set; }
    public int Institutions { get; private set; }
    public int Memberships { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Events = await db.Events.LongCountAsync(ct);
        People = await db.People.CountAsync(ct);
        Institutions = await db.Institutions.CountAsync(ct);
        Memberships = await db.Memberships.CountAsync(ct);
        CanEdit = Actor.May(Permission.EditDirectory);
        SignedIn = User.Identity?.IsAuthenticated == true;
        if (SignedIn)
            Work = await Notifications.Work.ForAsync(db, Actor, clock.GetUtcNow().UtcDateTime, ct);
    }
}
