namespace Parley.Ledger;

/// <summary>
/// The right edge of a growing tree: the perfect subtrees that decompose [0, size). Appending a leaf is
/// O(log n) and yields exactly the nodes it completes, which is what a store must write.
/// </summary>
public sealed class CompactRange
{
    private readonly List<(NodeId Id, byte[] Hash)> _edge;

    private CompactRange(long size, List<(NodeId, byte[])> edge) => (Size, _edge) = (size, edge);

    public long Size { get; private set; }

    public static CompactRange Empty() => new(0, []);

    /// <summary>Starts from a stored tree: reads the O(log n) nodes on its right edge.</summary>
    public static CompactRange FromStore(long size, Func<NodeId, byte[]> node) =>
        new(size, TreeMath.Range(0, size).Select(id => (id, node(id))).ToList());

    public static IReadOnlyList<NodeId> EdgeOf(long size) => TreeMath.Range(0, size);

    /// <summary>
    /// Appends a leaf, or with <paramref name="level"/> &gt; 0 the root of a whole subtree of 2^level leaves (the size must
    /// be a multiple of that): returns the node appended and every node it completes.
    /// </summary>
    public List<(NodeId Id, byte[] Hash)> Append(byte[] hash, int level = 0)
    {
        if (hash.Length != MerkleHash.Size)
            throw new ArgumentException($"A node hash is {MerkleHash.Size} bytes.", nameof(hash));
        if (level is < 0 or > 62 || Size % (1L << level) != 0)
            throw new ArgumentException($"A subtree of 2^{level} leaves cannot start at {Size}.", nameof(level));
        var created = new List<(NodeId, byte[])> { (new NodeId(level, Size >> level), hash) };
        _edge.Add(created[0]);
        while (_edge.Count >= 2 && _edge[^1].Id.Level == _edge[^2].Id.Level)
        {
            var (left, right) = (_edge[^2], _edge[^1]);
            var parent = (new NodeId(left.Id.Level + 1, left.Id.Index >> 1), MerkleHash.Node(left.Hash, right.Hash));
            _edge.RemoveRange(_edge.Count - 2, 2);
            _edge.Add(parent);
            created.Add(parent);
        }
        Size += 1L << level;
        return created;
    }

    public byte[] Root()
    {
        var hashes = _edge.ToDictionary(e => e.Id, e => e.Hash);
        return TreeMath.Fold(_edge.Select(e => e.Id).ToList(), id => hashes[id]);
    }
}
