using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>The store's leaf format (its ledger_format row), read once per store: it never changes after the store is made.</summary>
public static class LogFormats
{
    // Keyed by the store's options, which every context of one store shares (pooled or not).
    private static readonly ConditionalWeakTable<IDbContextOptions, StrongBox<LeafFormat>> Known = [];

    public static async ValueTask<LeafFormat> OfAsync(ParleyDb db, CancellationToken ct)
    {
        var options = db.GetService<IDbContextOptions>();
        if (Known.TryGetValue(options, out var known))
            return known.Value;
        var format = await db.LogFormats.AsNoTracking().Select(f => (LeafFormat?)f.LeafFormat).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("The store has no ledger_format row: it was opened without its migrations.");
        Known.AddOrUpdate(options, new StrongBox<LeafFormat>(format));
        return format;
    }
}
