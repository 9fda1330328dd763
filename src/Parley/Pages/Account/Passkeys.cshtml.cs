using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Account;

/// <summary>The signed-in person's passkeys: each one's name and when its public key entered the record; adding one.</summary>
public sealed class PasskeysModel(ParleyDb db) : ParleyPage
{
    public List<Passkey> Passkeys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Passkeys = await db.Passkeys.AsNoTracking().Where(p => p.AccountId == Actor.Account).OrderBy(p => p.RegisteredAt).ToListAsync(ct);
}
