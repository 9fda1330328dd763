using System.Numerics;

namespace Parley.Ledger;

/// <summary>A proof, hash or size that does not check out; the message says which and why.</summary>
public sealed class ProofException(string message) : Exception(message);

/// <summary>RFC 9162 §2.1.3.2 and §2.1.4.2 verification, rejecting malformed input as the reference verifier does.</summary>
public static class Proofs
{
    public static void VerifyInclusion(long index, long size, byte[] leafHash, IReadOnlyList<byte[]> proof, byte[] root)
    {
        if (index < 0 || index >= size)
            throw new ProofException($"Leaf index {index} is out of range for tree size {size}.");
        RequireHash(leafHash, "leaf hash");
        RequireHash(root, "root");
        RequireHashes(proof);
        var (inner, border) = Decompose(index, size);
        if (proof.Count != inner + border)
            throw new ProofException($"An inclusion proof for leaf {index} in size {size} has {inner + border} hashes, not {proof.Count}.");
        var hash = ChainInner(leafHash, proof.Take(inner), index);
        hash = ChainBorderRight(hash, proof.Skip(inner));
        Match(hash, root, "root");
    }

    public static void VerifyConsistency(long size1, long size2, IReadOnlyList<byte[]> proof, byte[] root1, byte[] root2)
    {
        // Roots are only compared, as the reference verifier does: a computed root is always 32 bytes.
        RequireHashes(proof);
        if (size1 < 0 || size2 < size1)
            throw new ProofException($"Size {size2} is smaller than size {size1}.");
        if (size1 == size2)
        {
            if (proof.Count > 0)
                throw new ProofException("Equal sizes need an empty proof.");
            if (size1 == 0)
                Match(root1, MerkleHash.Empty(), "empty tree root");
            Match(root1, root2, "second root");
            return;
        }
        if (size1 == 0)
            throw new ProofException("Every tree extends the empty tree; a consistency proof from size 0 proves nothing and is refused.");
        if (proof.Count == 0)
            throw new ProofException("The proof is empty.");
        var (inner, border) = Decompose(size1 - 1, size2);
        var shift = BitOperations.TrailingZeroCount(size1);
        inner -= shift;
        var (seed, start) = size1 == 1L << shift ? (root1, 0) : (proof[0], 1);
        if (proof.Count != start + inner + border)
            throw new ProofException($"A consistency proof from {size1} to {size2} has {start + inner + border} hashes, not {proof.Count}.");
        var rest = proof.Skip(start).ToList();
        var mask = (size1 - 1) >> shift;
        var hash1 = ChainBorderRight(ChainInnerRight(seed, rest.Take(inner), mask), rest.Skip(inner));
        Match(hash1, root1, "first root");
        var hash2 = ChainBorderRight(ChainInner(seed, rest.Take(inner), mask), rest.Skip(inner));
        Match(hash2, root2, "second root");
    }

    private static (int Inner, int Border) Decompose(long index, long size)
    {
        var inner = 64 - BitOperations.LeadingZeroCount((ulong)(index ^ (size - 1)));
        var border = BitOperations.PopCount((ulong)index >> inner);
        return (inner, border);
    }

    private static byte[] ChainInner(byte[] seed, IEnumerable<byte[]> proof, long index)
    {
        var i = 0;
        foreach (var h in proof)
            seed = ((index >> i++) & 1) == 0 ? MerkleHash.Node(seed, h) : MerkleHash.Node(h, seed);
        return seed;
    }

    private static byte[] ChainInnerRight(byte[] seed, IEnumerable<byte[]> proof, long index)
    {
        var i = 0;
        foreach (var h in proof)
        {
            if (((index >> i++) & 1) == 1)
                seed = MerkleHash.Node(h, seed);
        }
        return seed;
    }

    private static byte[] ChainBorderRight(byte[] seed, IEnumerable<byte[]> proof) =>
        proof.Aggregate(seed, (acc, h) => MerkleHash.Node(h, acc));

    private static void RequireHash(byte[]? hash, string what)
    {
        if (hash is null || hash.Length != MerkleHash.Size)
            throw new ProofException($"The {what} is {hash?.Length ?? 0} bytes, not {MerkleHash.Size}.");
    }

    private static void RequireHashes(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
            RequireHash(proof[i], $"proof hash {i}");
    }

    private static void Match(byte[] got, byte[] want, string what)
    {
        if (!got.AsSpan().SequenceEqual(want))
            throw new ProofException($"The computed {what} {Convert.ToHexStringLower(got)} does not match {Convert.ToHexStringLower(want)}.");
    }
}
