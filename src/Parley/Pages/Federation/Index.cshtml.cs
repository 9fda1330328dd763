using Microsoft.AspNetCore.Authorization;
using Parley.Access;
using Parley.Federation;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Federation;

/// <summary>This node and its peers: what it publishes, what it learned from each peer's log, its outbox, refusals and faults.</summary>
[Authorize(Policy = nameof(Permission.ReadRecord))]
public sealed class IndexModel(ParleyDb db, LogKey log) : ParleyPage
{
    public FederationStatus Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Status = await FederationStatus.LoadAsync(db, log, ct, Languages.Current);
}
