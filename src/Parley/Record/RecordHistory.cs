using Microsoft.EntityFrameworkCore;

namespace Parley.Record;

/// <summary>A record's events with their ledger indices, for the "history" section of its page.</summary>
public sealed record HistoryEntry(long Index, string Type, DateTime RecordedAt, string Actor);

public sealed record History(IReadOnlyList<HistoryEntry> Entries, long TreeSize);

public static class RecordHistory
{
    public static async Task<History> ForAsync(ParleyDb db, string stream, CancellationToken ct)
    {
        var entries = await db.Events.AsNoTracking().Where(e => e.Stream == stream).OrderBy(e => e.Sequence)
            .Select(e => new HistoryEntry(e.Sequence, e.Type, e.RecordedAt, e.Actor)).ToListAsync(ct);
        return new History(entries, await LedgerNodes.SizeAsync(db, ct));
    }
}
