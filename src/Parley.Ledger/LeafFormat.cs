using System.Security.Cryptography;

namespace Parley.Ledger;

/// <summary>
/// What a log's leaves commit to. A log created by this release commits to each event by the SHA-256 digest of its
/// canonical bytes (salt included), so its entries can be published as tlog-tiles entry bundles and reveal nothing;
/// a log created earlier made the canonical bytes themselves, contents included, its leaves' data, and keeps that
/// format for ever: changing it would rewrite every leaf its checkpoints and witnesses already vouched for.
/// </summary>
public enum LeafFormat
{
    /// <summary>leaf data = the canonical event bytes (logs created before the digest format).</summary>
    CanonicalEvent = 1,

    /// <summary>leaf data = SHA-256(canonical event bytes), 32 bytes.</summary>
    EventDigest = 2,
}

public static class LeafData
{
    /// <summary>The data a leaf of this format holds for an event's canonical bytes (what an entry bundle carries).</summary>
    public static byte[] Of(LeafFormat format, byte[] canonical) => format switch
    {
        LeafFormat.EventDigest => SHA256.HashData(canonical),
        LeafFormat.CanonicalEvent => canonical,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown leaf format."),
    };

    /// <summary>
    /// The leaf hash from an event's canonical bytes laid out after a 0x00 byte (as verification batches them): for the
    /// digest format the digest is taken first, then hashed as the leaf.
    /// </summary>
    public static void LeafHashOfPrefixed(LeafFormat format, ReadOnlySpan<byte> zeroThenCanonical, Span<byte> destination)
    {
        if (format == LeafFormat.CanonicalEvent)
        {
            MerkleHash.LeafOfPrefixed(zeroThenCanonical, destination);
            return;
        }
        Span<byte> input = stackalloc byte[1 + MerkleHash.Size];
        input[0] = 0x00;
        MerkleHash.Digest(zeroThenCanonical[1..], input[1..]);
        MerkleHash.Digest(input, destination);
    }

    /// <summary>The leaf hash of an event's canonical bytes in this format.</summary>
    public static byte[] LeafHash(LeafFormat format, byte[] canonical) => MerkleHash.Leaf(Of(format, canonical));
}
