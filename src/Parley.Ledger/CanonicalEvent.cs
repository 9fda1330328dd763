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
        var bytes = new byte[EncodedLength(Type, Actor, Stream, Payload)];
        EncodeTo(bytes, Sequence, RecordedAtMicroseconds, Type, Actor, Stream, Payload, Salt);
        return bytes;
    }

    /// <summary>How many bytes <see cref="EncodeTo(Span{byte}, long, long, string, string, string, string, ReadOnlySpan{byte})"/> writes for these texts.</summary>
    public static int EncodedLength(string type, string actor, string stream, string payload) =>
        EncodedLength(Encoding.UTF8.GetByteCount(type) + Encoding.UTF8.GetByteCount(actor)
            + Encoding.UTF8.GetByteCount(stream) + Encoding.UTF8.GetByteCount(payload));

    /// <summary>How many bytes an event whose four texts take <paramref name="utf8Bytes"/> in UTF-8 encodes to.</summary>
    public static int EncodedLength(int utf8Bytes) => 4 + Magic.Length + 16 + 16 + SaltSize + utf8Bytes;

    /// <summary>The same bytes from texts already in UTF-8 (as SQLite holds them: no round trip through .NET strings).</summary>
    public static void EncodeTo(Span<byte> span, long sequence, long recordedAtMicroseconds,
        ReadOnlySpan<byte> type, ReadOnlySpan<byte> actor, ReadOnlySpan<byte> stream, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> salt)
    {
        span = Head(span, sequence, recordedAtMicroseconds, salt);
        span = Text(span, type);
        span = Text(span, actor);
        span = Text(span, stream);
        span = Text(span, payload);
        salt.CopyTo(span);

        static Span<byte> Text(Span<byte> span, ReadOnlySpan<byte> text)
        {
            BinaryPrimitives.WriteInt32BigEndian(span, text.Length);
            text.CopyTo(span[4..]);
            return span[(4 + text.Length)..];
        }
    }

    /// <summary>
    /// Writes the canonical bytes in place (sized by <see cref="EncodedLength(string, string, string, string)"/>): verification encodes every event
    /// of the log straight from the rows it streams, into one buffer per batch.
    /// </summary>
    public static void EncodeTo(Span<byte> span, long sequence, long recordedAtMicroseconds,
        string type, string actor, string stream, string payload, ReadOnlySpan<byte> salt)
    {
        span = Head(span, sequence, recordedAtMicroseconds, salt);
        span = Text(span, type);
        span = Text(span, actor);
        span = Text(span, stream);
        span = Text(span, payload);
        salt.CopyTo(span);

        static Span<byte> Text(Span<byte> span, string text)
        {
            var written = Encoding.UTF8.GetBytes(text, span[4..]);
            BinaryPrimitives.WriteInt32BigEndian(span, written);
            return span[(4 + written)..];
        }
    }

    private static Span<byte> Head(Span<byte> span, long sequence, long recordedAtMicroseconds, ReadOnlySpan<byte> salt)
    {
        if (salt.Length != SaltSize)
            throw new InvalidOperationException($"An event's salt must be {SaltSize} bytes.");
        BinaryPrimitives.WriteInt32BigEndian(span, Magic.Length);
        Magic.CopyTo(span[4..]);
        span = span[(4 + Magic.Length)..];
        BinaryPrimitives.WriteInt64BigEndian(span, sequence);
        BinaryPrimitives.WriteInt64BigEndian(span[8..], recordedAtMicroseconds);
        return span[16..];
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
