namespace Parley.Record;

/// <summary>A stored Merkle tree node; level 0 holds the leaf hashes, one per event, at index = sequence.</summary>
public sealed class LedgerNode
{
    public int Level { get; set; }
    public long Index { get; set; }
    public required byte[] Hash { get; set; }
}

/// <summary>A checkpoint the log signed and served, kept so later ones can be proven consistent with it.</summary>
public sealed class StoredCheckpoint
{
    public long Size { get; set; }
    public required byte[] Root { get; set; }
    public required string Note { get; set; }
    public DateTime IssuedAt { get; set; }
}

/// <summary>A witness's verified signature line on a stored checkpoint, served on that checkpoint's note.</summary>
public sealed class Cosignature
{
    public long Size { get; set; }
    public required string Witness { get; set; }
    public required string Line { get; set; }
}

/// <summary>Projection: the witnesses whose cosignatures the log accepts.</summary>
public sealed class Witness
{
    public required string Name { get; set; }
    public required string VerifierKey { get; set; }
}

[EventType("ledger.witness-added")]
public sealed record WitnessAdded(string Name, string VerifierKey) : IEvent
{
    public string Stream => $"witness/{Name}";
}
