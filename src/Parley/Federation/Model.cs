using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Federation;

/// <summary>Whether this node has any peer: a node alone sends nothing, and its writes need not ask more.</summary>
public static class AnyPeer
{
    public const string Fact = "federation.any-peer";

    public static Task<bool> ReadAsync(ParleyDb db, CancellationToken ct) => db.Peers.AnyAsync(ct);
}

/// <summary>Projection: this node's published message key and witness key, and the entries that published them.</summary>
public sealed class NodeIdentity
{
    public int Id { get; set; } = 1;
    public required string VerifierKey { get; set; }
    public long Index { get; set; }
    public string? WitnessKey { get; set; }
    public long? WitnessIndex { get; set; }
}

/// <summary>Projection: an institution this node hosts (its keys are here, and nowhere else), and the entry that published it.</summary>
public sealed class HostedInstitution
{
    public Guid InstitutionId { get; set; }
    public long Index { get; set; }
    public required string SealingKey { get; set; }
    public required string SigningKey { get; set; }
}

/// <summary>Projection: a peer node.</summary>
public sealed class Peer
{
    public required string Origin { get; set; }
    public required string Url { get; set; }
    public required string LogKey { get; set; }
    public required string NodeKey { get; set; }
    public long NodeKeyIndex { get; set; }
    public DateTime AddedAt { get; set; }
}

/// <summary>Projection: an institution a peer hosts, with the keys its log published and how often they changed.</summary>
public sealed class RemoteInstitution
{
    public Guid InstitutionId { get; set; }
    public required string Peer { get; set; }
    public required string SealingKey { get; set; }
    public required string SigningKey { get; set; }
    public long Index { get; set; }
    public DateTime LearnedAt { get; set; }
    public int KeyChanges { get; set; }
}

/// <summary>Projection: a letter whose envelope came from another node.</summary>
public sealed class ArrivedEnvelope
{
    public Guid LetterId { get; set; }
    public required string Peer { get; set; }
    public Guid Message { get; set; }
    public DateTime DispatchedAt { get; set; }
    public DateTime ReceivedAt { get; set; }
}

/// <summary>
/// A signed message for a peer, written in the transaction of the event that causes it and delivered in order
/// (<see cref="Seq"/> per peer) by <see cref="FederationDelivery"/>. Not a projection: a rebuild neither clears nor
/// re-creates it, so nothing is sent twice.
/// </summary>
public sealed class OutgoingMessage
{
    public Guid Id { get; set; }
    public required string Peer { get; set; }
    public long Seq { get; set; }
    public required string Kind { get; set; }

    /// <summary>The record it is about ("letter/…"), so a letter's envelope is queued once.</summary>
    public required string About { get; set; }

    /// <summary>The signed note, exactly as it is sent (every retry sends the same bytes).</summary>
    public required string Note { get; set; }

    public long Cause { get; set; }
    public DateTime QueuedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>The peer verified it but refused to apply it (its answer is <see cref="LastError"/>); delivery goes on past it.</summary>
    public bool Refused { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A message from a peer that was applied (once: its id is the key), in the transaction of what it recorded, or refused.</summary>
public sealed class ReceivedMessage
{
    public required string Peer { get; set; }
    public Guid Id { get; set; }
    public long Seq { get; set; }
    public required string Kind { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>Verified but refused (<see cref="RefusedMessage"/> keeps it): its place in the sequence is taken, and nothing was applied.</summary>
    public bool Refused { get; set; }
}

/// <summary>A message refused (it did not verify, or could not be applied), kept for inspection and never applied.</summary>
public sealed class RefusedMessage
{
    public Guid Id { get; set; }
    public DateTime ReceivedAt { get; set; }
    public string? Peer { get; set; }
    public required string Reason { get; set; }
    public required string Text { get; set; }
}

/// <summary>Something a peer served that its own log does not support (a substituted key, a rewritten history), kept and shown.</summary>
public sealed class PeerFault
{
    public Guid Id { get; set; }
    public required string Peer { get; set; }
    public DateTime At { get; set; }
    public PeerFaultKind Kind { get; set; }
    public required string What { get; set; }

    /// <summary>For a rewritten history: the checkpoint this node cosigned and the one the peer served against it, both signed by the peer's log key.</summary>
    public string? Evidence { get; set; }
}

/// <summary>What a peer's fault is: a proof in its description that does not hold, or its log's history rewritten.</summary>
public enum PeerFaultKind
{
    /// <summary>A proof that does not hold or an entry older than one learned: what it serves is not what its log says.</summary>
    Proof,

    /// <summary>Its log is smaller than a checkpoint of it this node cosigned: entries it published are gone.</summary>
    RolledBack,

    /// <summary>Its log has another root at a size this node cosigned: it shows different histories to different readers.</summary>
    SplitView,

    /// <summary>Its log is larger but does not extend the checkpoint this node cosigned: its history was rewritten.</summary>
    Fork,
}
