using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Correspondence;

/// <summary>
/// What both institutions sign for a hand-over: the canonical bytes of the event that recorded it — in this log, or,
/// for a hand-over first recorded on another node, that node's (kept in <c>remote_steps</c>).
/// </summary>
public static class SignedBytes
{
    public static async Task<byte[]> OfAsync(ParleyDb db, Handover handover, CancellationToken ct) =>
        await db.RemoteSteps.AsNoTracking().Where(r => r.HandoverId == handover.Id).Select(r => r.Canonical).FirstOrDefaultAsync(ct)
        ?? db.RemoteSteps.Local.FirstOrDefault(r => r.HandoverId == handover.Id)?.Canonical
        ?? (await db.Events.AsNoTracking().FirstAsync(e => e.Sequence == handover.RecordedIndex, ct)).ToCanonical().Encode();

}
