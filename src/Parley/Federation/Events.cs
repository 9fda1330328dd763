using Parley.Directory;
using Parley.Record;

namespace Parley.Federation;

public abstract record FederationEvent : IEvent
{
    public abstract string Stream { get; }
}

/// <summary>
/// This node's message key (a signed-note verifier key, "&lt;origin&gt;/node"), published in its own log so a peer
/// that trusts the log key can prove, by an inclusion proof, which key signs this node's messages.
/// </summary>
[EventType("federation.node-key-published")]
public sealed record NodeKeyPublished(string VerifierKey) : FederationEvent
{
    public override string Stream => "node";
}

/// <summary>
/// This node's key as a witness of its peers' logs (C2SP cosignature/v1, "&lt;origin&gt;/witness"), published so a peer
/// learns, by an inclusion proof, which key's cosignatures on its checkpoints are this node's.
/// </summary>
[EventType("federation.witness-key-published")]
public sealed record WitnessKeyPublished(string VerifierKey) : FederationEvent
{
    public override string Stream => "node";
}

/// <summary>
/// This node hosts an institution: its names, kind and country, and the public halves of the keys only this node
/// holds. Peers learn the institution from this entry of the log, so the key a letter is sealed to is provably the one
/// its node published; hosting it again with other keys is a change the log shows.
/// </summary>
[EventType("federation.institution-hosted")]
public sealed record InstitutionHosted(Guid Institution, InstitutionKind Kind, string? Country, IReadOnlyList<NameEntry> Names,
    string SealingKey, string SigningKey) : FederationEvent
{
    public override string Stream => $"institution/{Institution}";
}

/// <summary>Another node became a peer: its address, its log key (given out of band) and its message key (proved in its log at <see cref="NodeKeyIndex"/>).</summary>
[EventType("federation.peer-added")]
public sealed record PeerAdded(string Origin, string Url, string LogKey, string NodeKey, long NodeKeyIndex) : FederationEvent
{
    public override string Stream => $"peer/{Origin}";
}

/// <summary>
/// An institution a peer hosts, learned from entry <see cref="Index"/> of the peer's log (checked by its inclusion
/// proof under a checkpoint of <see cref="Size"/> the peer signed). A second one for the same institution is a key
/// change the peer's log recorded.
/// </summary>
[EventType("federation.institution-learned")]
public sealed record InstitutionLearned(string Peer, Guid Institution, string SealingKey, string SigningKey, long Index, long Size) : FederationEvent
{
    public override string Stream => $"peer/{Peer}";
}

/// <summary>A letter's envelope arrived from the node of its registry, by message <see cref="Message"/>; dispatched at <see cref="DispatchedAt"/>.</summary>
[EventType("federation.envelope-received")]
public sealed record EnvelopeReceived(Guid LetterId, string Peer, Guid Message, DateTime DispatchedAt) : FederationEvent
{
    public override string Stream => $"letter/{LetterId}";
}
