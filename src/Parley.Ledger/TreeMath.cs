using System.Numerics;

namespace Parley.Ledger;

/// <summary>A stored node: the root of the perfect subtree over leaves [Index·2^Level, (Index+1)·2^Level).</summary>
public readonly record struct NodeId(int Level, long Index);

/// <summary>
/// Which stored perfect-subtree nodes make up each hash of an RFC 9162 proof or root. Every proof element
/// is MTH(D[lo:hi]) with lo aligned, so it is one stored node or, at the tree's right edge, a fold of the
/// O(log n) nodes that decompose the range. Callers fetch the nodes in one read and then fold.
/// </summary>
public static class TreeMath
{
    /// <summary>The perfect subtrees that decompose [lo, hi), left to right (lo must be aligned, as in every RFC 9162 range).</summary>
    public static List<NodeId> Range(long lo, long hi)
    {
        var nodes = new List<NodeId>();
        while (lo < hi)
        {
            var level = Math.Min(lo == 0 ? 62 : BitOperations.TrailingZeroCount(lo), BitOperations.Log2((ulong)(hi - lo)));
            nodes.Add(new NodeId(level, lo >> level));
            lo += 1L << level;
        }
        return nodes;
    }

    /// <summary>MTH of a range from its decomposition: right-most subtrees are hashed first.</summary>
    public static byte[] Fold(IReadOnlyList<NodeId> range, Func<NodeId, byte[]> node)
    {
        if (range.Count == 0)
            return MerkleHash.Empty();
        var hash = node(range[^1]);
        for (var i = range.Count - 2; i >= 0; i--)
            hash = MerkleHash.Node(node(range[i]), hash);
        return hash;
    }

    /// <summary>RFC 9162 §2.1.3.1 PATH(m, D[0:n]), bottom-up, as ranges to fold.</summary>
    public static List<List<NodeId>> InclusionPath(long index, long size)
    {
        if (index < 0 || index >= size)
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of size {size}.");
        var path = new List<List<NodeId>>();
        Path(index, 0, size, path);
        return path;
    }

    private static void Path(long m, long lo, long hi, List<List<NodeId>> path)
    {
        if (hi - lo == 1)
            return;
        var k = SplitPoint(hi - lo);
        if (m < lo + k)
        {
            Path(m, lo, lo + k, path);
            path.Add(Range(lo + k, hi));
        }
        else
        {
            Path(m, lo + k, hi, path);
            path.Add(Range(lo, lo + k));
        }
    }

    /// <summary>RFC 9162 §2.1.4.1 PROOF(m, D[0:n]), as ranges to fold.</summary>
    public static List<List<NodeId>> ConsistencyPath(long from, long to)
    {
        if (from < 0 || to < from)
            throw new ArgumentOutOfRangeException(nameof(from), $"No consistency proof from size {from} to size {to}.");
        var path = new List<List<NodeId>>();
        if (from > 0 && from < to)
            SubProof(from, 0, to, true, path);
        return path;
    }

    private static void SubProof(long m, long lo, long hi, bool complete, List<List<NodeId>> path)
    {
        var n = hi - lo;
        if (m == n)
        {
            if (!complete)
                path.Add(Range(lo, hi));
            return;
        }
        var k = SplitPoint(n);
        if (m <= k)
        {
            SubProof(m, lo, lo + k, complete, path);
            path.Add(Range(lo + k, hi));
        }
        else
        {
            SubProof(m - k, lo + k, hi, false, path);
            path.Add(Range(lo, lo + k));
        }
    }

    /// <summary>The largest power of two smaller than n (n ≥ 2).</summary>
    private static long SplitPoint(long n) => 1L << BitOperations.Log2((ulong)(n - 1));

    /// <summary>The nodes that become complete when leaf <paramref name="leafIndex"/> is appended: the leaf, then its parents.</summary>
    public static IEnumerable<NodeId> NodesCompletedBy(long leafIndex)
    {
        yield return new NodeId(0, leafIndex);
        var index = leafIndex;
        for (var level = 1; (index & 1) == 1; level++)
        {
            index >>= 1;
            yield return new NodeId(level, index);
        }
    }
}
