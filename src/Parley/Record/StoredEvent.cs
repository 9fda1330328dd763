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

    /// <summary>
    /// Microseconds since the epoch of an instant stored as UTC. SQLite gives it back without a kind; treating that as
    /// local time (as ToUniversalTime does) moved every leaf by the server's offset, so verify failed outside UTC.
    /// </summary>
    public static long ToMicroseconds(DateTime utc) =>
        ((utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
}
