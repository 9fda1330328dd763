using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Host;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>Wakes <see cref="ProveSteps"/> when a write recorded a half of a hand-over that another node's log holds.</summary>
public sealed class ProofSignal : Wakeup;

/// <summary>Notices, in the write that records it, a half of a hand-over recorded elsewhere, and wakes the proving once that write commits.</summary>
public sealed class ProofWake(ProofSignal signal) : IRecordReaction
{
    public ValueTask ReactAsync(WriteScope scope, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (e is HandoverRecordedElsewhere or HandoverAnsweredElsewhere)
            scope.AfterCommit(signal.Notify);
        return ValueTask.CompletedTask;
    }
}

/// <summary>How often halves still unproved are tried again (PARLEY_PROOF_INTERVAL_MS; 5 seconds by default).</summary>
public sealed record ProveStepsConfig(TimeSpan Interval)
{
    public static ProveStepsConfig FromEnvironment() =>
        new(int.TryParse(Environment.GetEnvironmentVariable("PARLEY_PROOF_INTERVAL_MS"), out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : TimeSpan.FromSeconds(5));
}

/// <summary>
/// Proves each half of a hand-over that another node recorded — the giver's step, or the receiver's answer — in that
/// node's log, so a certificate here proves both halves, each against the log of the node that recorded it. It asks the
/// peer only for what is public (its signed checkpoint and an inclusion proof by index), builds the tlog-proof from the
/// bytes this node already holds, and records it (<see cref="StepProvenElsewhere"/>) only when it holds under the log key
/// the operator gave for that peer. A proof that does not hold is kept as a fault of the peer and tried again; a peer that
/// cannot be reached is tried again at the next interval.
/// </summary>
public sealed class ProveSteps(IServiceScopeFactory scopes, IHttpClientFactory http, ProveStepsConfig config, ProofSignal signal, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<ProveSteps> log) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.StartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Proving steps in peers' logs failed; trying again in {Interval}.", config.Interval);
            }
            await signal.WaitAsync(config.Interval, stoppingToken);
        }
    }

    private sealed record Pending(StepHalf Half, RemoteEntry Entry);

    private async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        List<Pending> pending =
        [
            .. (await db.RemoteSteps.AsNoTracking().Where(r => r.Proof == null).OrderBy(r => r.Index).Take(Batch).ToListAsync(ct)).Select(r => new Pending(StepHalf.Given, r)),
            .. (await db.RemoteAnswers.AsNoTracking().Where(r => r.Proof == null).OrderBy(r => r.Index).Take(Batch).ToListAsync(ct)).Select(r => new Pending(StepHalf.Answered, r)),
        ];
        if (pending.Count == 0)
            return;
        using var client = http.CreateClient(nameof(ProveSteps));
        foreach (var group in pending.GroupBy(p => p.Entry.Log))
        {
            if (await db.Peers.AsNoTracking().FirstOrDefaultAsync(p => p.Origin == group.Key, ct) is not { } peer)
                continue;
            var logKey = NoteVerifier.Parse(peer.LogKey);
            var (head, unsigned) = await PeerSync.HeadAsync(client, peer, logKey, ct);
            if (unsigned is not null)
            {
                await PeerSync.FaultAsync(db, clock, log, peer.Origin, PeerFaultKind.Proof, unsigned, null, ct);
                continue;
            }
            if (head is null)
                continue; // Down: tried again at the next interval.
            foreach (var (half, entry) in group.Where(p => p.Entry.Index < head.Checkpoint.Size))
            {
                var hashes = await InclusionAsync(client, peer, entry.Index, head.Checkpoint.Size, ct);
                if (hashes is null)
                    break;
                var proof = new TlogProof(entry.Canonical, entry.Index, hashes, head.Note).ToString();
                var (_, fault) = ElsewhereProof.Check(entry.Log, entry.Index, entry.Canonical, peer.LogKey, proof);
                if (fault is not null)
                {
                    var what = half == StepHalf.Given ? "hand-over" : "answer to hand-over";
                    await PeerSync.FaultAsync(db, clock, log, peer.Origin, PeerFaultKind.Proof,
                        $"{peer.Origin} does not prove the {what} {entry.HandoverId} (entry {entry.Index} of its log, as it sent it here): {fault}", proof, ct);
                    continue;
                }
                var recorder = scope.ServiceProvider.GetRequiredService<Recorder>();
                await recorder.WriteAsync("step-proofs", async (s, c) =>
                {
                    await s.RecordAsync(new StepProvenElsewhere(entry.LetterId, entry.HandoverId, half, peer.LogKey, proof), c);
                    return Result<int>.Ok(1);
                }, ct);
            }
        }
    }

    /// <summary>The peer's inclusion proof of entry <paramref name="index"/> in its tree of <paramref name="size"/>; null when it cannot be had now.</summary>
    private static async Task<IReadOnlyList<byte[]>?> InclusionAsync(HttpClient client, Peer peer, long index, long size, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(peer.Url), $"/ledger/proof/inclusion?index={index}&size={size}"), ct);
            if (!response.IsSuccessStatusCode)
                return null;
            var proof = (await response.Content.ReadFromJsonAsync<InclusionAnswer>(ct))?.Proof?.Select(TextFields.Base64).ToList();
            return proof is null || proof.Any(p => p is null) ? [] : [.. proof.Select(p => p!)];
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }

    private sealed record InclusionAnswer(IReadOnlyList<string>? Proof);
}
