using System.Security.Cryptography;

namespace Parley.Ledger;

/// <summary>RFC 9162 §2.1.1 hashing: SHA-256 with domain separation between leaves and interior nodes.</summary>
public static class MerkleHash
{
    public const int Size = 32;

    // Verification hashes two or three small inputs per leaf, where OpenSSL's setup per one-shot call costs more than
    // the hashing itself (0.3 µs of 0.5 for an event): one reusable hasher per thread keeps its context.
    [ThreadStatic]
    private static IncrementalHash? _hasher;

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static byte[] Empty() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>SHA-256 of <paramref name="input"/> into <paramref name="destination"/> (32 bytes), on this thread's hasher.</summary>
    public static void Digest(ReadOnlySpan<byte> input, Span<byte> destination)
    {
        var hasher = _hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(input);
        hasher.TryGetHashAndReset(destination, out _);
    }

    /// <summary>leaf = SHA-256(0x00 ‖ data).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        var hasher = _hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData([0x00]);
        hasher.AppendData(data);
        return hasher.GetHashAndReset();
    }

    /// <summary>A leaf's hash from its data already written after a 0x00 byte (how verification lays out a batch: no copy).</summary>
    public static void LeafOfPrefixed(ReadOnlySpan<byte> zeroThenData, Span<byte> destination)
    {
        if (zeroThenData.IsEmpty || zeroThenData[0] != 0x00)
            throw new ArgumentException("A leaf's input starts with the 0x00 domain byte.", nameof(zeroThenData));
        Digest(zeroThenData, destination);
    }

    /// <summary>node = SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        NodeInto(left, right, hash);
        return hash;
    }

    /// <summary>
    /// node = SHA-256(0x01 ‖ left ‖ right) into <paramref name="destination"/>. (A proof read from outside may hold an
    /// element of another length; it is hashed as given and simply fails to match.)
    /// </summary>
    public static void NodeInto(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        var length = 1 + left.Length + right.Length;
        Span<byte> input = length <= 256 ? stackalloc byte[length] : new byte[length];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        Digest(input, destination);
    }
}
