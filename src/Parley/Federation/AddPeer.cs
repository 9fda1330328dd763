using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// `parley peer add URL --key VKEY`: another node becomes a peer. Its description is fetched and every proof in it
/// checked against the log key given out of band; the peer, its message key and each institution it hosts (with the
/// keys its log published) are recorded in one write. Learning again later records only what changed, each change
/// proved by a newer entry of the peer's log.
/// </summary>
public static class AddPeer
{
    public static async Task<Result<NodeDescription>> FetchAsync(HttpClient http, Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url, "/federation/node"), ct);
            if (!response.IsSuccessStatusCode)
                return new DomainError("url", $"{url} answered {(int)response.StatusCode} for /federation/node; is it a Parley node?");
            return await response.Content.ReadFromJsonAsync<NodeDescription>(ct) is { } description
                ? description
                : new DomainError("url", $"{url} sent an empty description.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or NotSupportedException)
        {
            return new DomainError("url", $"{url} could not be read: {e.Message}");
        }
    }

    /// <summary>
    /// What learning a proven node changes here: nothing twice, and never an institution this node hosts. The address is
    /// the one an operator gave, or null when learning again from where the peer already is (a round that read the old
    /// address must not undo an operator's move). Peers witness each other: this node trusts the peer's log (it takes
    /// add-checkpoint for it) and accepts the peer's witness key, which its policy then requires.
    /// </summary>
    public static Result<IReadOnlyList<IEvent>> Decide(ProvenNode node, string self, string logKey, Peer? known, string? url,
        IReadOnlyDictionary<Guid, RemoteInstitution> learned, IReadOnlySet<Guid> hostedHere, TrustedLog? trusted, Witness? witness)
    {
        if (node.Origin == self)
            return new DomainError("url", "That is this node's own log.", ErrorKind.Conflict);
        if (trusted is not null && trusted.VerifierKey != logKey)
            return new DomainError("key", $"This node witnesses {node.Origin} under another key ({trusted.VerifierKey}).", ErrorKind.Conflict);
        if (witness is not null && node.WitnessKey is not null && witness.VerifierKey != node.WitnessKey)
            return new DomainError("url", $"{node.Origin} publishes the witness key {node.WitnessKey}, but this node knows {witness.Name} as {witness.VerifierKey}.", ErrorKind.Conflict);
        var events = new List<IEvent>();
        var address = url ?? known?.Url;
        if (address is null)
            return new DomainError("url", $"{node.Origin} is not a peer yet; add it with its address.", ErrorKind.NotFound);
        if (known is null || known.Url != address || known.NodeKey != node.NodeKey)
            events.Add(new PeerAdded(node.Origin, address, logKey, node.NodeKey, node.NodeKeyIndex));
        foreach (var i in node.Institutions)
        {
            var id = i.Hosted.Institution;
            if (hostedHere.Contains(id))
                return new DomainError("url", $"{node.Origin} claims to host {Name(i)}, which this node hosts.", ErrorKind.Conflict);
            if (learned.TryGetValue(id, out var was) && was.Peer != node.Origin)
                return new DomainError("url", $"{node.Origin} claims to host {Name(i)}, which {was.Peer} hosts.", ErrorKind.Conflict);
            if (was is not null && was.Index >= i.Index)
                continue;
            events.Add(new InstitutionLearned(node.Origin, id, i.Hosted.SealingKey, i.Hosted.SigningKey, i.Index, i.Size));
        }
        if (trusted is null)
            events.Add(new LogTrusted(node.Origin, logKey));
        if (witness is null && node.WitnessKey is not null)
            events.Add(new WitnessAdded(NoteVerifier.Parse(node.WitnessKey).Name, node.WitnessKey));
        return events;
    }

    public static async Task<Result<int>> HandleAsync(WriteScope scope, NodeKeys self, ProvenNode node, NoteVerifier logKey, string? url, CancellationToken ct)
    {
        var db = scope.Db;
        var known = await db.Peers.AsNoTracking().FirstOrDefaultAsync(p => p.Origin == node.Origin, ct);
        if (known is not null && known.LogKey != logKey.VerifierKey)
            return new DomainError("key", $"{node.Origin} is a peer with another log key ({known.LogKey}); a log's key does not change.", ErrorKind.Conflict);
        var ids = node.Institutions.Select(i => i.Hosted.Institution).ToList();
        var learned = await db.RemoteInstitutions.AsNoTracking().Where(r => ids.Contains(r.InstitutionId)).ToDictionaryAsync(r => r.InstitutionId, ct);
        var hosted = (await db.HostedInstitutions.AsNoTracking().Where(h => ids.Contains(h.InstitutionId)).Select(h => h.InstitutionId).ToListAsync(ct)).ToHashSet();
        var trusted = await db.TrustedLogs.AsNoTracking().FirstOrDefaultAsync(t => t.Origin == node.Origin, ct);
        var witnessName = node.WitnessKey is null ? null : NoteVerifier.Parse(node.WitnessKey).Name;
        var witness = await db.Witnesses.AsNoTracking().FirstOrDefaultAsync(w => w.Name == witnessName, ct);
        var decided = Decide(node, self.Origin, logKey.VerifierKey, known, url, learned, hosted, trusted, witness);
        if (!decided.Succeeded)
            return decided.Error!;
        await NodeDescriptions.PublishNodeKeysAsync(scope, self, ct);
        var inDirectory = (await db.Institutions.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        foreach (var e in decided.Value!)
        {
            if (e is PeerAdded added)
                await scope.RecordAsync(added, ct);
            else if (e is InstitutionLearned l)
            {
                var institution = node.Institutions.First(i => i.Hosted.Institution == l.Institution);
                if (!inDirectory.Contains(l.Institution))
                    await scope.RecordAsync(NodeDescriptions.DirectoryEntry(institution.Hosted), ct);
                await scope.RecordAsync(l, ct);
                await scope.RecordAsync(NodeDescriptions.KeysOf(institution, node.Origin), ct);
            }
            else
            {
                await scope.RecordAsync(e, ct);
            }
        }
        return decided.Value!.Count;
    }

    private static string Name(ProvenInstitution i) => i.Hosted.Names.FirstOrDefault()?.Value ?? i.Hosted.Institution.ToString();
}
