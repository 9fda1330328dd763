using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages;

public sealed class IndexModel(ParleyDb db) : ParleyPage
{
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
    }
}
