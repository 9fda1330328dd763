using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>Reads stored tree nodes: each proof or root needs O(log n) of them, fetched in one query.</summary>
public static class LedgerNodes
{
    public static async Task<Dictionary<NodeId, byte[]>> FetchAsync(ParleyDb db, IEnumerable<NodeId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        var node = Expression.Parameter(typeof(LedgerNode), "n");
        Expression? any = null;
        foreach (var id in wanted)
        {
            var match = Expression.AndAlso(
                Expression.Equal(Expression.Property(node, nameof(LedgerNode.Level)), Expression.Constant(id.Level)),
                Expression.Equal(Expression.Property(node, nameof(LedgerNode.Index)), Expression.Constant(id.Index)));
            any = any is null ? match : Expression.OrElse(any, match);
        }
        var rows = await db.LedgerNodes.AsNoTracking().Where(Expression.Lambda<Func<LedgerNode, bool>>(any!, node)).ToListAsync(ct);
        var found = rows.ToDictionary(n => new NodeId(n.Level, n.Index), n => n.Hash);
        if (found.Count == wanted.Count)
            return found;
        var missing = wanted.First(id => !found.ContainsKey(id));
        throw new InvalidOperationException($"Ledger node (level {missing.Level}, index {missing.Index}) is missing from the store.");
    }

    public static async Task<long> SizeAsync(ParleyDb db, CancellationToken ct) =>
        (await db.Events.MaxAsync(e => (long?)e.Sequence, ct) ?? -1) + 1;

    public static async Task<byte[]> RootAsync(ParleyDb db, long size, CancellationToken ct)
    {
        var range = TreeMath.Range(0, size);
        var nodes = await FetchAsync(db, range, ct);
        return TreeMath.Fold(range, id => nodes[id]);
    }

    public static async Task<List<byte[]>> ResolveAsync(ParleyDb db, List<List<NodeId>> path, CancellationToken ct)
    {
        var nodes = await FetchAsync(db, path.SelectMany(r => r), ct);
        return path.Select(range => TreeMath.Fold(range, id => nodes[id])).ToList();
    }

    public static async Task<CompactRange> EdgeAsync(ParleyDb db, long size, CancellationToken ct)
    {
        var nodes = await FetchAsync(db, CompactRange.EdgeOf(size), ct);
        return CompactRange.FromStore(size, id => nodes[id]);
    }
}
