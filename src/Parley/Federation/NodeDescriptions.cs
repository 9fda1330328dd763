using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// What a node says about itself at <c>/federation/node</c>: its log's origin and key, and nothing but tlog-proofs —
/// of the entries that published its message key and its witness key, and of each entry that published an institution
/// it hosts. A peer takes everything it learns from the entries those proofs carry, never from the description around them.
/// </summary>
public sealed record NodeDescription(string Origin, string LogKey, string? NodeKeyProof, IReadOnlyList<string> Institutions, string? WitnessKeyProof = null);

/// <summary>
/// What a peer's description proves, once every proof has been checked against the peer's log key; with the newest
/// checkpoint its proofs were made against, which a peer that witnesses this log compares with the one it cosigned.
/// </summary>
public sealed record ProvenNode(string Origin, string NodeKey, long NodeKeyIndex, IReadOnlyList<ProvenInstitution> Institutions,
    string? WitnessKey, ServedCheckpoint Served);

public sealed record ProvenInstitution(InstitutionHosted Hosted, long Index, long Size);

/// <summary>A checkpoint a peer served, signed by its log key: the note as served, and what it says.</summary>
public sealed record ServedCheckpoint(string Note, Checkpoint Checkpoint);

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
        var witnessKey = identity?.WitnessIndex is not { } w ? null : (await EntryProof.BuildAsync(db, checkpoints, w, ct))!.Value.Proof.ToString();
        return new NodeDescription(log.Origin, log.VerifierKey, nodeKey, proofs, witnessKey);
    }

    /// <summary>Records this node's message key and witness key in its log, unless the log already holds them.</summary>
    public static async Task PublishNodeKeysAsync(WriteScope scope, NodeKeys keys, CancellationToken ct)
    {
        var published = await scope.Db.NodeIdentity.FindAsync([1], ct);
        if (published?.VerifierKey != keys.MessageKey)
            await scope.RecordAsync(new NodeKeyPublished(keys.MessageKey), ct);
        if (published?.WitnessKey != keys.WitnessKey)
            await scope.RecordAsync(new WitnessKeyPublished(keys.WitnessKey), ct);
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
        if (KeyFault(nodeKey.Value!.Event.VerifierKey, NoteVerifier.Ed25519Type, logKey.Name + "/node", "message key", "an Ed25519 note key") is { } badNodeKey)
            return badNodeKey;
        var served = nodeKey.Value.Served;
        string? witnessKey = null;
        if (description.WitnessKeyProof is not null)
        {
            var witness = Entry<WitnessKeyPublished>(description.WitnessKeyProof, logKey, "its witness key");
            if (!witness.Succeeded)
                return witness.Error!;
            if (KeyFault(witness.Value!.Event.VerifierKey, NoteVerifier.CosignatureV1Type, logKey.Name + "/witness", "witness key", "a cosignature/v1 key") is { } badWitnessKey)
                return badWitnessKey;
            witnessKey = witness.Value.Event.VerifierKey;
            served = Newer(served, witness.Value.Served);
        }
        var institutions = new List<ProvenInstitution>();
        foreach (var (proof, n) in description.Institutions.Select((p, i) => (p, i + 1)))
        {
            var hosted = Entry<InstitutionHosted>(proof, logKey, $"hosted institution {n}");
            if (!hosted.Succeeded)
                return hosted.Error!;
            institutions.Add(new ProvenInstitution(hosted.Value!.Event, hosted.Value.Index, hosted.Value.Served.Checkpoint.Size));
            served = Newer(served, hosted.Value.Served);
        }
        return new ProvenNode(logKey.Name, nodeKey.Value.Event.VerifierKey, nodeKey.Value.Index, institutions, witnessKey, served);
    }

    /// <summary>Why a key a peer's log published is not the kind and name it stands for, or null.</summary>
    private static DomainError? KeyFault(string key, byte type, string name, string what, string kind)
    {
        try
        {
            return NoteVerifier.Parse(key) is { } verifier && verifier.Type == type && verifier.Name == name
                ? null
                : new DomainError("url", $"The {what} the log published is not {kind} named {name}.");
        }
        catch (FormatException e)
        {
            return new DomainError("url", $"The {what} the log published does not read: {e.Message}");
        }
    }

    private static ServedCheckpoint Newer(ServedCheckpoint a, ServedCheckpoint b) => b.Checkpoint.Size > a.Checkpoint.Size ? b : a;

    private sealed record Proven<T>(T Event, long Index, ServedCheckpoint Served);

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
        return new Proven<T>(typed, proof.Index, new ServedCheckpoint(proof.Checkpoint, Checkpoint.Parse(SignedNote.Parse(proof.Checkpoint).Text)));
    }

    /// <summary>The learned keys of an institution, as Correspondence keeps them (letters are sealed to these).</summary>
    public static InstitutionKeysLearned KeysOf(ProvenInstitution i, string peer) => new(i.Hosted.Institution, i.Hosted.SealingKey, i.Hosted.SigningKey, peer);

    /// <summary>The directory's record of an institution a peer hosts, when this directory has none.</summary>
    public static InstitutionRecorded DirectoryEntry(InstitutionHosted hosted) =>
        new(hosted.Institution, hosted.Kind, hosted.Country, null, hosted.Names, []);
}
