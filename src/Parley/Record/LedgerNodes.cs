using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>Reads stored tree nodes: each proof or root needs O(log n) of them, fetched in one query.</summary>
public static class LedgerNodes
{
    /// <summary>
    /// The given nodes in one parameterized query (the same SQL text for the same number of nodes, so the
    /// database plans it once); a missing node means the store is damaged.
    /// </summary>
    public static async Task<Dictionary<NodeId, byte[]>> FetchAsync(ParleyDb db, IEnumerable<NodeId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        var terms = new List<string>(wanted.Count);
        var parameters = new List<(string, object)>(2 * wanted.Count);
        for (var i = 0; i < wanted.Count; i++)
        {
            terms.Add($"(\"Level\" = @l{i} AND \"Index\" = @i{i})");
            parameters.Add(($"@l{i}", wanted[i].Level));
            parameters.Add(($"@i{i}", wanted[i].Index));
        }
        var found = await QueryAsync(db, string.Join(" OR ", terms), parameters, ct);
        if (found.Count == wanted.Count)
            return found;
        var missing = wanted.First(id => !found.ContainsKey(id));
        throw new InvalidOperationException($"Ledger node (level {missing.Level}, index {missing.Index}) is missing from the store.");
    }

    /// <summary>Nodes matching a parameterized condition, read with plain ADO.NET (no query compilation per call).</summary>
    public static async Task<Dictionary<NodeId, byte[]>> QueryAsync(
        ParleyDb db, string condition, IEnumerable<(string Name, object Value)> parameters, CancellationToken ct)
    {
        var found = new Dictionary<NodeId, byte[]>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT \"Level\", \"Index\", \"Hash\" FROM ledger_nodes WHERE {condition}";
            foreach (var (name, value) in parameters)
                AddParameter(command, name, value);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                found[new NodeId(reader.GetInt32(0), reader.GetInt64(1))] = (byte[])reader.GetValue(2);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return found;
    }

    /// <summary>
    /// A tile's hashes: the stored nodes of one level at indices [start, start + width), concatenated in index order, read
    /// in one query with plain ADO.NET (a tile is served per request to every monitor following the log).
    /// </summary>
    public static async Task<byte[]> TileAsync(ParleyDb db, int level, long start, int width, CancellationToken ct)
    {
        var found = await QueryAsync(db, "\"Level\" = @level AND \"Index\" >= @start AND \"Index\" < @end",
            [("@level", level), ("@start", start), ("@end", start + width)], ct);
        var body = new byte[width * MerkleHash.Size];
        for (var i = 0; i < width; i++)
        {
            if (!found.TryGetValue(new NodeId(level, start + i), out var hash) || hash.Length != MerkleHash.Size)
                throw new InvalidOperationException($"The store lacks a 32-byte node (level {level}, index {start + i}).");
            hash.CopyTo(body, i * MerkleHash.Size);
        }
        return body;
    }

    internal static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
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

    /// <summary>A leaf's hash and its inclusion proof, from one read of O(log n) nodes.</summary>
    public static async Task<(byte[] Leaf, List<byte[]> Proof)> InclusionAsync(ParleyDb db, long index, long size, CancellationToken ct)
    {
        var path = TreeMath.InclusionPath(index, size);
        var leaf = new NodeId(0, index);
        var nodes = await FetchAsync(db, path.SelectMany(r => r).Append(leaf), ct);
        return (nodes[leaf], path.Select(range => TreeMath.Fold(range, id => nodes[id])).ToList());
    }

    public static async Task<CompactRange> EdgeAsync(ParleyDb db, long size, CancellationToken ct)
    {
        var nodes = await FetchAsync(db, CompactRange.EdgeOf(size), ct);
        return CompactRange.FromStore(size, id => nodes[id]);
    }
}
