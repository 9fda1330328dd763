using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// Reads each peer's description again every <see cref="PeerSyncConfig.Interval"/>: an institution it has begun to host,
/// or keys it published anew, are learned (a change recorded, proved by a newer entry of its log); a proof that does not
/// hold — a key its log does not contain — or an entry older than the one learned is kept as a <see cref="PeerFault"/>
/// and shown on the federation page, and nothing is learned from that description.
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
            var fetched = await AddPeer.FetchAsync(client, new Uri(peer.Url), ct);
            if (!fetched.Succeeded)
                continue; // A peer that is down is not at fault; the outbox waits for it.
            var logKey = NoteVerifier.Parse(peer.LogKey);
            var proven = NodeDescriptions.Check(fetched.Value!, logKey);
            if (proven.Succeeded && Rollback(proven.Value!, await db.RemoteInstitutions.AsNoTracking().Where(r => r.Peer == peer.Origin).ToListAsync(ct)) is { } older)
                proven = new DomainError("url", older);
            if (!proven.Succeeded)
            {
                await FaultAsync(db, peer.Origin, proven.Error!.Message, ct);
                continue;
            }
            var recorder = scope.ServiceProvider.GetRequiredService<Recorder>();
            var node = scope.ServiceProvider.GetRequiredService<NodeKey>();
            var learned = await recorder.WriteAsync(Inbox.ActorPrefix + peer.Origin, (s, c) => AddPeer.HandleAsync(s, node, proven.Value!, logKey, null, c), ct);
            if (!learned.Succeeded)
                await FaultAsync(db, peer.Origin, learned.Error!.Message, ct);
            else if (learned.Value > 0)
                log.LogInformation("Learned {Changes} change(s) from {Peer}.", learned.Value, peer.Origin);
        }
    }

    /// <summary>An institution served from an older entry than the one learned: the peer's log, or what it serves, went back.</summary>
    public static string? Rollback(ProvenNode node, IReadOnlyList<RemoteInstitution> learned) =>
        node.Institutions.Select(i => (i, was: learned.FirstOrDefault(r => r.InstitutionId == i.Hosted.Institution)))
            .Where(p => p.was is not null && p.i.Index < p.was.Index)
            .Select(p => $"{node.Origin} serves institution {p.i.Hosted.Institution} from entry {p.i.Index}, older than entry {p.was!.Index} learned before.")
            .FirstOrDefault();

    private async Task FaultAsync(ParleyDb db, string peer, string what, CancellationToken ct)
    {
        what = what.Length > 2000 ? what[..2000] : what;
        // The same fault seen again is one fault, not a row a minute.
        if (await db.PeerFaults.Where(f => f.Peer == peer).OrderByDescending(f => f.At).Select(f => f.What).FirstOrDefaultAsync(ct) == what)
            return;
        db.ChangeTracker.Clear();
        db.PeerFaults.Add(new PeerFault { Id = Guid.CreateVersion7(), Peer = peer, At = clock.GetUtcNow().UtcDateTime, What = what });
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
