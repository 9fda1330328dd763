using Parley.Ledger;

namespace Parley.Record;

/// <summary>One row of the append-only event store. The sequence number is gap-free and is the leaf index.</summary>
public sealed class StoredEvent
{
    public long Sequence { get; set; }
    public required string Type { get; set; }
    public DateTime RecordedAt { get; set; }
    public required string Actor { get; set; }
    public required string Stream { get; set; }
    public required string Payload { get; set; }
    public required byte[] Salt { get; set; }

    public CanonicalEvent ToCanonical() =>
        new(Sequence, ToMicroseconds(RecordedAt), Type, Actor, Stream, Payload, Salt);

    public static long ToMicroseconds(DateTime utc) =>
        (utc.ToUniversalTime() - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
}
