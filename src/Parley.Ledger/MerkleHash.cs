using System.Security.Cryptography;

namespace Parley.Ledger;

/// <summary>RFC 9162 §2.1.1 hashing: SHA-256 with domain separation between leaves and interior nodes.</summary>
public static class MerkleHash
{
    public const int Size = 32;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] Empty() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>leaf = SHA-256(0x00 ‖ data).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var input = System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length + 1);
        try
        {
            input[0] = 0x00;
            data.CopyTo(input.AsSpan(1));
            return SHA256.HashData(input.AsSpan(0, data.Length + 1));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>A leaf's hash from its data already written after a 0x00 byte (how verification lays out a batch: no copy).</summary>
    public static void LeafOfPrefixed(ReadOnlySpan<byte> zeroThenData, Span<byte> destination)
    {
        if (zeroThenData.IsEmpty || zeroThenData[0] != 0x00)
            throw new ArgumentException("A leaf's input starts with the 0x00 domain byte.", nameof(zeroThenData));
        SHA256.HashData(zeroThenData, destination);
    }

    /// <summary>node = SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        // One-shot over a stack buffer: a log's verification hashes a node for about every leaf. (A proof read from
        // outside may hold an element of another length; it is hashed as given and simply fails to match.)
        Span<byte> input = stackalloc byte[1 + left.Length + right.Length <= 256 ? 1 + left.Length + right.Length : 0];
        if (input.IsEmpty)
            input = new byte[1 + left.Length + right.Length];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        return SHA256.HashData(input);
    }
}
