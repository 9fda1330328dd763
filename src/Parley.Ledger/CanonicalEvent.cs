using System.Buffers.Binary;
using System.Text;

namespace Parley.Ledger;

/// <summary>
/// The byte form of a recorded event that becomes a ledger leaf. Every field is length-prefixed in a
/// fixed order, so the same event always encodes to the same bytes and no two events share an encoding;
/// the random salt keeps the leaf hash from revealing guessable contents.
/// </summary>
public sealed record CanonicalEvent(
    long Sequence,
    long RecordedAtMicroseconds,
    string Type,
    string Actor,
    string Stream,
    string Payload,
    byte[] Salt)
{
    public const int SaltSize = 32;
    private static readonly byte[] Magic = "parley/event/v1"u8.ToArray();

    public byte[] Encode()
    {
        if (Salt.Length != SaltSize)
            throw new InvalidOperationException($"An event's salt must be {SaltSize} bytes.");
        // Sized exactly once and written in place: verification encodes every event of the log.
        var texts = new[] { Type, Actor, Stream, Payload };
        var length = 4 + Magic.Length + 16 + SaltSize;
        foreach (var text in texts)
            length += 4 + Encoding.UTF8.GetByteCount(text);
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, Magic.Length);
        Magic.CopyTo(span[4..]);
        span = span[(4 + Magic.Length)..];
        BinaryPrimitives.WriteInt64BigEndian(span, Sequence);
        BinaryPrimitives.WriteInt64BigEndian(span[8..], RecordedAtMicroseconds);
        span = span[16..];
        foreach (var text in texts)
        {
            var written = Encoding.UTF8.GetBytes(text, span[4..]);
            BinaryPrimitives.WriteInt32BigEndian(span, written);
            span = span[(4 + written)..];
        }
        Salt.CopyTo(span);
        return bytes;
    }

    public static CanonicalEvent Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes.ToArray());
        if (!reader.Bytes().AsSpan().SequenceEqual(Magic))
            throw new FormatException("Not a Parley event: the magic prefix is missing.");
        var sequence = reader.Int64();
        var micros = reader.Int64();
        var type = reader.Text();
        var actor = reader.Text();
        var stream = reader.Text();
        var payload = reader.Text();
        var salt = reader.Rest();
        if (salt.Length != SaltSize)
            throw new FormatException($"An event's salt must be {SaltSize} bytes, found {salt.Length}.");
        return new CanonicalEvent(sequence, micros, type, actor, stream, payload, salt);
    }

    private sealed class Reader(byte[] data)
    {
        private int _position;

        public long Int64()
        {
            Require(8);
            var value = BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(_position, 8));
            _position += 8;
            return value;
        }

        public byte[] Bytes()
        {
            Require(4);
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(_position, 4));
            _position += 4;
            if (length < 0)
                throw new FormatException("Negative field length.");
            Require(length);
            var value = data.AsSpan(_position, length).ToArray();
            _position += length;
            return value;
        }

        public string Text() => Encoding.UTF8.GetString(Bytes());

        public byte[] Rest() => data.AsSpan(_position).ToArray();

        private void Require(int count)
        {
            if (_position + count > data.Length)
                throw new FormatException("The event bytes end early.");
        }
    }
}
