using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// Reads each peer's description again every <see cref="PeerSyncConfig.Interval"/>: an institution it has begun to host,
/// or keys it published anew, are learned (a change recorded, proved by a newer entry of its log); a proof that does not
/// hold — a key its log does not contain — or an entry older than the one learned is kept as a <see cref="PeerFault"/>
/// and shown on the federation page, and nothing is learned from that description. As the peer's witness, this node
/// also holds the checkpoint of its log it last cosigned; a description against a checkpoint that does not extend it
/// (a rolled-back store, a split view, a fork: <see cref="PeerHistory"/>) is kept as a fault with both checkpoints.
/// </summary>
public sealed class PeerSync(IServiceScopeFactory scopes, IHttpClientFactory http, PeerSyncConfig config, TimeProvider clock, ILogger<PeerSync> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(config.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Reading the peers failed; trying again in {Interval}.", config.Interval);
            }
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        using var client = http.CreateClient(nameof(PeerSync));
        foreach (var peer in await db.Peers.AsNoTracking().OrderBy(p => p.Origin).ToListAsync(ct))
        {
            // Read before the description: the peer may have this node cosign a newer checkpoint meanwhile, never an older one.
            var cosigned = await db.WitnessStates.AsNoTracking().FirstOrDefaultAsync(w => w.Origin == peer.Origin, ct);
            var fetched = await AddPeer.FetchAsync(client, new Uri(peer.Url), ct);
            if (!fetched.Succeeded)
                continue; // A peer that is down is not at fault; the outbox waits for it.
            var logKey = NoteVerifier.Parse(peer.LogKey);
            var proven = NodeDescriptions.Check(fetched.Value!, logKey);
            if (proven.Succeeded && Rollback(proven.Value!, await db.RemoteInstitutions.AsNoTracking().Where(r => r.Peer == peer.Origin).ToListAsync(ct)) is { } older)
                proven = new DomainError("url", older);
            if (!proven.Succeeded)
            {
                await FaultAsync(db, peer.Origin, PeerFaultKind.Proof, proven.Error!.Message, null, ct);
                continue;
            }
            var (head, unsigned) = await HeadAsync(client, peer, logKey, ct);
            if (unsigned is not null)
            {
                await FaultAsync(db, peer.Origin, PeerFaultKind.Proof, unsigned, null, ct);
                continue;
            }
            // The log's head first (what it signs now: never smaller than what it had this node cosign), then the checkpoint its
            // proofs are against — the newest its witnesses cosigned, which may lag behind this node's latest cosignature by
            // the moment the peer takes to keep it, so only another root at the same size, or a larger one, says anything.
            var (judged, rewritten) = (true, (RewrittenHistory?)null);
            var description = proven.Value!.Served;
            foreach (var served in new[] { head, cosigned is null || description.Checkpoint.Size >= cosigned.Size ? description : null }.OfType<ServedCheckpoint>())
            {
                (judged, rewritten) = cosigned is null || served.Checkpoint.Size <= cosigned.Size
                    ? (true, PeerHistory.Judge(peer.Origin, cosigned, served, null))
                    : await ExtendsAsync(client, peer, cosigned, served, ct);
                if (rewritten is not null || !judged)
                    break;
            }
            if (rewritten is not null)
            {
                await FaultAsync(db, peer.Origin, rewritten.Kind, rewritten.What, rewritten.Evidence, ct);
                continue;
            }
            if (!judged)
                continue;
            var recorder = scope.ServiceProvider.GetRequiredService<Recorder>();
            var node = NodeKeys.Of(scope.ServiceProvider);
            var learned = await recorder.WriteAsync(Inbox.ActorPrefix + peer.Origin, (s, c) => AddPeer.HandleAsync(s, node, proven.Value!, logKey, null, c), ct);
            if (!learned.Succeeded)
                await FaultAsync(db, peer.Origin, PeerFaultKind.Proof, learned.Error!.Message, null, ct);
            else if (learned.Value > 0)
                log.LogInformation("Learned {Changes} change(s) from {Peer}.", learned.Value, peer.Origin);
        }
    }

    /// <summary>The peer's current checkpoint, which must be signed by its log key; null when it cannot be read now.</summary>
    public static async Task<(ServedCheckpoint? Head, string? Fault)> HeadAsync(HttpClient client, Peer peer, NoteVerifier logKey, CancellationToken ct)
    {
        string text;
        try
        {
            text = await client.GetStringAsync(new Uri(new Uri(peer.Url), "/ledger/checkpoint"), ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (null, null);
        }
        try
        {
            var note = SignedNote.Parse(text);
            note.Verify([logKey]);
            var checkpoint = Checkpoint.Parse(note.Text);
            return checkpoint.Origin == peer.Origin
                ? (new ServedCheckpoint(text, checkpoint), null)
                : (null, $"{peer.Origin} serves a checkpoint of another log ({checkpoint.Origin}).");
        }
        catch (FormatException e)
        {
            return (null, $"{peer.Origin} serves a checkpoint that does not verify under its log key: {e.Message}");
        }
    }

    /// <summary>Asks the peer to prove its served checkpoint extends the one this node cosigned; not judged when the peer cannot be reached.</summary>
    private static async Task<(bool Judged, RewrittenHistory? Rewritten)> ExtendsAsync(HttpClient client, Peer peer, WitnessState cosigned, ServedCheckpoint served, CancellationToken ct)
    {
        var url = new Uri(new Uri(peer.Url), $"/ledger/proof/consistency?from={cosigned.Size}&to={served.Checkpoint.Size}");
        try
        {
            using var response = await client.GetAsync(url, ct);
            if ((int)response.StatusCode >= 500)
                return (false, null);
            var answer = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ConsistencyAnswer>(ct) : null;
            var proof = answer?.Proof?.Select(TextFields.Base64).ToList();
            IReadOnlyList<byte[]>? hashes = proof is null || proof.Any(p => p is null) ? null : [.. proof.Select(p => p!)];
            return (true, PeerHistory.Judge(peer.Origin, cosigned, served, hashes));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (false, null);
        }
        catch (System.Text.Json.JsonException)
        {
            return (true, PeerHistory.Judge(peer.Origin, cosigned, served, null));
        }
    }

    private sealed record ConsistencyAnswer(IReadOnlyList<string>? Proof);

    /// <summary>An institution served from an older entry than the one learned: the peer's log, or what it serves, went back.</summary>
    public static string? Rollback(ProvenNode node, IReadOnlyList<RemoteInstitution> learned) =>
        node.Institutions.Select(i => (i, was: learned.FirstOrDefault(r => r.InstitutionId == i.Hosted.Institution)))
            .Where(p => p.was is not null && p.i.Index < p.was.Index)
            .Select(p => $"{node.Origin} serves institution {p.i.Hosted.Institution} from entry {p.i.Index}, older than entry {p.was!.Index} learned before.")
            .FirstOrDefault();

    private Task FaultAsync(ParleyDb db, string peer, PeerFaultKind kind, string what, string? evidence, CancellationToken ct) =>
        FaultAsync(db, clock, log, peer, kind, what, evidence, ct);

    /// <summary>Keeps a fault of <paramref name="peer"/> for its peers' page, unless it is the same as the last one kept.</summary>
    public static async Task FaultAsync(ParleyDb db, TimeProvider clock, ILogger log, string peer, PeerFaultKind kind, string what, string? evidence, CancellationToken ct)
    {
        what = what.Length > 2000 ? what[..2000] : what;
        evidence = evidence is { Length: > 8000 } ? evidence[..8000] : evidence;
        // The same fault seen again is one fault, not a row a minute.
        if (await db.PeerFaults.Where(f => f.Peer == peer).OrderByDescending(f => f.At).Select(f => f.What).FirstOrDefaultAsync(ct) == what)
            return;
        db.ChangeTracker.Clear();
        db.PeerFaults.Add(new PeerFault { Id = Guid.CreateVersion7(), Peer = peer, At = clock.GetUtcNow().UtcDateTime, Kind = kind, What = what, Evidence = evidence });
        await db.SaveChangesAsync(ct);
        log.LogWarning("Peer {Peer}: {Fault}", peer, what);
    }
}

/// <summary>How often peers are read again (PARLEY_PEER_SYNC_MS; a minute by default).</summary>
public sealed record PeerSyncConfig(TimeSpan Interval)
{
    public static PeerSyncConfig FromEnvironment() =>
        new(int.TryParse(Environment.GetEnvironmentVariable("PARLEY_PEER_SYNC_MS"), out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : TimeSpan.FromMinutes(1));
}
