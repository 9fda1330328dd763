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

/// <summary>Projection: a log this node witnesses for, by its origin, and the key its checkpoints must carry.</summary>
public sealed class TrustedLog
{
    public required string Origin { get; set; }
    public required string VerifierKey { get; set; }
}

/// <summary>As a witness: the latest checkpoint this node cosigned for a log (C2SP tlog-witness keeps only that). Not in the record; it is the witness's own state.</summary>
public sealed class WitnessState
{
    public required string Origin { get; set; }
    public long Size { get; set; }
    public required byte[] Root { get; set; }
    public required string Note { get; set; }
}

/// <summary>A checkpoint a trusted log signed that contradicts one this node cosigned: kept as proof of a split view.</summary>
public sealed class SplitViewEvidence
{
    public Guid Id { get; set; }
    public required string Origin { get; set; }
    public long Size { get; set; }
    public required string CosignedNote { get; set; }
    public required string ConflictingNote { get; set; }
    public DateTime ReceivedAt { get; set; }
}

[EventType("ledger.log-trusted")]
public sealed record LogTrusted(string Origin, string VerifierKey) : IEvent
{
    public string Stream => $"witnessed-log/{Origin}";
}

/// <summary>The tree a full `parley verify` last proved (one row): `verify --since-last` starts from it.</summary>
/// <summary>
/// The log's one row saying what its leaves commit to (<see cref="Ledger.LeafFormat"/>): written by the migration that
/// made it, the digest format for a store created empty, the canonical-bytes format for one that already held events.
/// </summary>
public sealed class LogFormat
{
    public int Id { get; set; }
    public Ledger.LeafFormat LeafFormat { get; set; }
}

public sealed class VerifiedTree
{
    public int Id { get; set; }
    public long Size { get; set; }
    public required byte[] Root { get; set; }
    public DateTime VerifiedAt { get; set; }
}
