using System.Security.Cryptography;
using System.Text;

namespace Parley.Record;

/// <summary>
/// Name-based identifiers (RFC 9562 version 8 layout over SHA-256) for records that come from outside
/// sources, so the same bioguide id or committee code maps to the same record in every store.
/// </summary>
public static class StableId
{
    public static Guid For(string scheme, string value)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"parley:{scheme}:{value}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
