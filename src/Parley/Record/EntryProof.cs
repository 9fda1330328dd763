using Microsoft.EntityFrameworkCore;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>
/// The C2SP tlog-proof file of one entry, as a record's page offers it and `parley export proof` writes it: the event's
/// canonical bytes, its inclusion proof, and the checkpoint it is proved against with that checkpoint's cosignatures.
/// </summary>
public static class EntryProof
{
    /// <summary>The proof of entry <paramref name="index"/>, or null when the log holds no such entry.</summary>
    public static async Task<(TlogProof Proof, string Stream)?> BuildAsync(ParleyDb db, Checkpoints checkpoints, long index, CancellationToken ct)
    {
        var entry = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == index, ct);
        if (entry is null)
            return null;
        // Against the newest checkpoint witnesses cosigned that holds the entry (the proof is worth most with them), else the current one.
        var cosignedSize = await db.Cosignatures.AsNoTracking().Where(c => c.Size > index).OrderByDescending(c => c.Size).Select(c => (long?)c.Size).FirstOrDefaultAsync(ct);
        var (stored, note) = cosignedSize is { } size && await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Size == size, ct) is { } witnessed
            ? (witnessed, await checkpoints.WithCosignaturesAsync(witnessed, ct))
            : await checkpoints.CurrentAsync(ct);
        var (_, proof) = await LedgerNodes.InclusionAsync(db, index, stored.Size, ct);
        return (new TlogProof(entry.ToCanonical().Encode(), index, proof, note), entry.Stream);
    }

    public static string FileName(long index) => $"parley-entry-{index}.tlog-proof";
}
