using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// What a node says about itself at <c>/federation/node</c>: its log's origin and key, and nothing but tlog-proofs —
/// of the entry that published its message key and of each entry that published an institution it hosts. A peer takes
/// everything it learns from the entries those proofs carry, never from the description around them.
/// </summary>
public sealed record NodeDescription(string Origin, string LogKey, string? NodeKeyProof, IReadOnlyList<string> Institutions);

/// <summary>What a peer's description proves, once every proof has been checked against the peer's log key.</summary>
public sealed record ProvenNode(string Origin, string NodeKey, long NodeKeyIndex, IReadOnlyList<ProvenInstitution> Institutions);

public sealed record ProvenInstitution(InstitutionHosted Hosted, long Index, long Size);

public sealed class NodeDescriptions(ParleyDb db, Checkpoints checkpoints, LogKey log)
{
    public async Task<NodeDescription> DescribeAsync(CancellationToken ct)
    {
        var identity = await db.NodeIdentity.AsNoTracking().Where(n => n.Id == 1).FirstOrDefaultAsync(ct);
        var hosted = await db.HostedInstitutions.AsNoTracking().OrderBy(h => h.Index).Select(h => h.Index).ToListAsync(ct);
        var proofs = new List<string>(hosted.Count);
        foreach (var index in hosted)
            proofs.Add((await EntryProof.BuildAsync(db, checkpoints, index, ct))!.Value.Proof.ToString());
        var nodeKey = identity is null ? null : (await EntryProof.BuildAsync(db, checkpoints, identity.Index, ct))!.Value.Proof.ToString();
        return new NodeDescription(log.Origin, log.VerifierKey, nodeKey, proofs);
    }

    /// <summary>Records this node's message key in its log, unless the log already holds it.</summary>
    public static async Task PublishNodeKeyAsync(WriteScope scope, NodeKey key, CancellationToken ct)
    {
        var published = await scope.Db.NodeIdentity.AsNoTracking().Where(n => n.Id == 1).Select(n => n.VerifierKey).FirstOrDefaultAsync(ct)
            ?? scope.Db.NodeIdentity.Local.Select(n => n.VerifierKey).FirstOrDefault();
        if (published != key.Signer.Verifier.VerifierKey)
            await scope.RecordAsync(new NodeKeyPublished(key.Signer.Verifier.VerifierKey), ct);
    }

    /// <summary>
    /// Checks a peer's description against the log key given out of band: each proof's checkpoint signed by that key,
    /// each entry included under it, each entry of the kind it stands for. Any fault names what it is about.
    /// </summary>
    public static Result<ProvenNode> Check(NodeDescription description, NoteVerifier logKey)
    {
        if (description.Origin != logKey.Name || description.LogKey.Trim() != logKey.VerifierKey)
            return new DomainError("key", $"The node at this address is the log {description.Origin} with key {description.LogKey.Trim()}, not the key given ({logKey.VerifierKey}).", ErrorKind.Conflict);
        if (description.NodeKeyProof is null)
            return new DomainError("url", $"The node {description.Origin} has not published a message key yet (it publishes one when it hosts an institution or adds a peer).", ErrorKind.Conflict);
        var nodeKey = Entry<NodeKeyPublished>(description.NodeKeyProof, logKey, "its message key");
        if (!nodeKey.Succeeded)
            return nodeKey.Error!;
        try
        {
            if (NoteVerifier.Parse(nodeKey.Value!.Event.VerifierKey) is not { Type: NoteVerifier.Ed25519Type } verifier || verifier.Name != logKey.Name + "/node")
                return new DomainError("url", $"The message key {description.Origin} published is not an Ed25519 note key named {logKey.Name}/node.");
        }
        catch (FormatException e)
        {
            return new DomainError("url", $"The message key {description.Origin} published does not read: {e.Message}");
        }
        var institutions = new List<ProvenInstitution>();
        foreach (var (proof, n) in description.Institutions.Select((p, i) => (p, i + 1)))
        {
            var hosted = Entry<InstitutionHosted>(proof, logKey, $"hosted institution {n}");
            if (!hosted.Succeeded)
                return hosted.Error!;
            institutions.Add(new ProvenInstitution(hosted.Value!.Event, hosted.Value.Index, hosted.Value.Size));
        }
        return new ProvenNode(logKey.Name, nodeKey.Value!.Event.VerifierKey, nodeKey.Value.Index, institutions);
    }

    private sealed record Proven<T>(T Event, long Index, long Size);

    private static Result<Proven<T>> Entry<T>(string text, NoteVerifier logKey, string what) where T : FederationEvent
    {
        TlogProof proof;
        try
        {
            proof = TlogProof.Parse(text);
        }
        catch (FormatException unread)
        {
            return new DomainError("url", $"The proof of {what} does not read: {unread.Message}");
        }
        if (proof.Verify(logKey, []) is { } fault)
            return new DomainError("url", $"The proof of {what} does not hold: {fault}");
        CanonicalEvent entry;
        IEvent e;
        try
        {
            entry = CanonicalEvent.Decode(proof.Extra);
            e = EventCatalog.Deserialize(entry.Type, entry.Payload);
        }
        catch (Exception x) when (x is FormatException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException or IndexOutOfRangeException)
        {
            return new DomainError("url", $"The entry proved for {what} is not an event this node reads: {x.Message}");
        }
        if (entry.Sequence != proof.Index || e is not T typed)
            return new DomainError("url", $"The entry proved for {what} is a {entry.Type} at {entry.Sequence}, not what it stands for.");
        return new Proven<T>(typed, proof.Index, Checkpoint.Parse(SignedNote.Parse(proof.Checkpoint).Text).Size);
    }

    /// <summary>The learned keys of an institution, as Correspondence keeps them (letters are sealed to these).</summary>
    public static InstitutionKeysLearned KeysOf(ProvenInstitution i, string peer) => new(i.Hosted.Institution, i.Hosted.SealingKey, i.Hosted.SigningKey, peer);

    /// <summary>The directory's record of an institution a peer hosts, when this directory has none.</summary>
    public static InstitutionRecorded DirectoryEntry(InstitutionHosted hosted) =>
        new(hosted.Institution, hosted.Kind, hosted.Country, null, hosted.Names, []);
}
