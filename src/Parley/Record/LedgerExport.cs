using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>`parley export`: the ledger as a self-contained archive that <see cref="LedgerArchive"/> verifies without a database.</summary>
public static class LedgerExport
{
    /// <summary>Writes the archive; a checkpoint for the current size is served first, so it covers every entry.</summary>
    public static async Task<(long Entries, int Checkpoints)> WriteArchiveAsync(ParleyDb db, Checkpoints issuer, LogKey key, Stream output, CancellationToken ct)
    {
        await issuer.CurrentAsync(ct);
        var notes = new List<LedgerArchive.CheckpointEntry>();
        foreach (var c in await db.Checkpoints.AsNoTracking().OrderBy(c => c.Size).ToListAsync(ct))
            notes.Add(new LedgerArchive.CheckpointEntry(c.Size, await issuer.WithCosignaturesAsync(c, ct)));
        var witnesses = await db.Witnesses.AsNoTracking().Select(w => w.VerifierKey).ToListAsync(ct);
        var size = notes[^1].Size;
        await LedgerArchive.WriteAsync(output, new LedgerArchive.Manifest(LedgerArchive.Format, key.Origin, size, DateTime.UtcNow, await LogFormats.OfAsync(db, ct)),
            key.VerifierKey, witnesses, EntriesAsync(db, size, ct), notes, ct);
        return (size, notes.Count);
    }

    /// <summary>Entries [0, size) as (index, the event's canonical bytes), read a page at a time.</summary>
    public static async IAsyncEnumerable<(long Index, byte[] EventData)> EntriesAsync(ParleyDb db, long size, [EnumeratorCancellation] CancellationToken ct)
    {
        for (long start = 0; start < size; start += 5000)
        {
            var batch = await db.Events.AsNoTracking().Where(e => e.Sequence >= start && e.Sequence < Math.Min(start + 5000, size))
                .OrderBy(e => e.Sequence).ToListAsync(ct);
            foreach (var e in batch)
                yield return (e.Sequence, e.ToCanonical().Encode());
        }
    }
}
