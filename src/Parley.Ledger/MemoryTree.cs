namespace Parley.Ledger;

/// <summary>A whole tree held in memory: for offline verification of archives and for tests.</summary>
public sealed class MemoryTree
{
    private readonly Dictionary<NodeId, byte[]> _nodes = [];
    private readonly CompactRange _range = CompactRange.Empty();

    public long Size => _range.Size;

    public byte[] Root() => _range.Root();

    public IReadOnlyList<(NodeId Id, byte[] Hash)> Append(byte[] leafHash)
    {
        var created = _range.Append(leafHash);
        foreach (var (id, hash) in created)
            _nodes[id] = hash;
        return created;
    }

    public byte[] Node(NodeId id) => _nodes[id];

    public byte[] RootAt(long size) => TreeMath.Fold(TreeMath.Range(0, size), Node);

    public List<byte[]> InclusionProof(long index, long size) => Resolve(TreeMath.InclusionPath(index, size), size);

    public List<byte[]> ConsistencyProof(long from, long to) => Resolve(TreeMath.ConsistencyPath(from, to), to);

    private List<byte[]> Resolve(List<List<NodeId>> path, long size)
    {
        if (size > Size)
            throw new ArgumentOutOfRangeException(nameof(size), $"The tree has only {Size} leaves.");
        return path.Select(range => TreeMath.Fold(range, Node)).ToList();
    }
}
