using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>The node's witness policy (C2SP tlog-policy), when one was given at start; null otherwise.</summary>
public sealed record PolicyConfig(WitnessPolicy? Policy)
{
    public const string Variable = "PARLEY_WITNESS_POLICY";

    public static PolicyConfig From(string? path)
    {
        path ??= Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } p ? p : null;
        if (path is null)
            return new PolicyConfig((WitnessPolicy?)null);
        if (!File.Exists(path))
            throw new DomainException(new DomainError("witness-policy", $"No such file: {path}."));
        try
        {
            return new PolicyConfig(WitnessPolicy.Parse(File.ReadAllText(path)));
        }
        catch (FormatException e)
        {
            throw new DomainException(new DomainError("witness-policy", $"{path}, {e.Message}"));
        }
    }
}

/// <summary>
/// Parley as a log that calls its witnesses (C2SP tlog-witness): every few seconds, for each witness of the policy
/// with a URL and each one a feature requires (<see cref="Witnessing"/>: the federation's peers) that has not cosigned
/// the current checkpoint, POST add-checkpoint with the size it last cosigned
/// and a consistency proof from there. A 409 tells where the witness stands (after a restart the log starts from
/// 0 and learns it); a 200's lines are verified with the witness's key and kept with the checkpoint; anything else
/// waits, doubling up to a limit, and is tried again.
/// </summary>
public sealed class WitnessCalls(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, ILogger<WitnessCalls> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = Milliseconds("PARLEY_WITNESS_INTERVAL_MS", 2000);
    private static readonly TimeSpan MaxBackoff = Milliseconds("PARLEY_WITNESS_BACKOFF_MAX_MS", 60_000);
    private readonly Dictionary<string, Progress> _witnesses = new(StringComparer.Ordinal);

    private sealed class Progress
    {
        public long Size { get; set; }
        public int Failures { get; set; }
        public DateTimeOffset NextAttempt { get; set; }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Calling the witnesses failed; trying again in {Interval}.", Interval);
            }
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        var witnesses = await scope.ServiceProvider.GetRequiredService<Witnessing>().ToCallAsync(ct);
        if (witnesses.Count == 0)
            return;
        var (stored, note) = await scope.ServiceProvider.GetRequiredService<Checkpoints>().CurrentAsync(ct);
        foreach (var (key, url) in witnesses)
        {
            var progress = _witnesses.TryGetValue(key.Name, out var p) ? p : _witnesses[key.Name] = new Progress();
            if (clock.GetUtcNow() < progress.NextAttempt
                || await db.Cosignatures.AnyAsync(c => c.Size == stored.Size && c.Witness == key.Name, ct))
                continue;
            await CallAsync(db, scope.ServiceProvider.GetRequiredService<Recorder>(), key, url, progress, stored, note, ct);
        }
    }

    /// <summary>
    /// Keeps a verified cosignature with its checkpoint. A policy witness the record does not know yet is recorded
    /// first (as `witness add` would), so `parley verify` checks its lines like any other witness's.
    /// </summary>
    private static async Task KeepAsync(Recorder recorder, NoteVerifier key, long size, string line, CancellationToken ct)
    {
        var kept = await recorder.WriteAsync("witness-calls", async (scope, c) =>
        {
            if (!await scope.Db.Witnesses.AnyAsync(w => w.Name == key.Name, c))
                await scope.RecordAsync(new WitnessAdded(key.Name, key.VerifierKey), c);
            else if (await scope.Db.Witnesses.AnyAsync(w => w.Name == key.Name && w.VerifierKey != key.VerifierKey, c))
                return new DomainError("witness", $"The record knows {key.Name} with another key than the policy's.", ErrorKind.Conflict);
            if (!await scope.Db.Cosignatures.AnyAsync(x => x.Size == size && x.Witness == key.Name, c))
                scope.Db.Cosignatures.Add(new Cosignature { Size = size, Witness = key.Name, Line = line });
            return Result<long>.Ok(size);
        }, ct);
        if (!kept.Succeeded)
            throw new FormatException(kept.Error!.Message);
    }

    private async Task CallAsync(ParleyDb db, Recorder recorder, NoteVerifier key, string url, Progress progress, StoredCheckpoint stored, string note, CancellationToken ct)
    {
        var old = Math.Min(progress.Size, stored.Size);
        var proof = old == 0 || old == stored.Size ? [] : await LedgerNodes.ResolveAsync(db, TreeMath.ConsistencyPath(old, stored.Size), ct);
        var body = new StringBuilder($"old {old.ToString(CultureInfo.InvariantCulture)}\n");
        foreach (var hash in proof)
            body.Append(Convert.ToBase64String(hash)).Append('\n');
        // The witness checks the log's own signature; other witnesses' lines are left out.
        var plain = SignedNote.Parse(stored.Note);
        body.Append('\n').Append(plain);
        try
        {
            using var client = http.CreateClient(nameof(WitnessCalls));
            using var response = await client.PostAsync(url.TrimEnd('/') + "/add-checkpoint", new StringContent(body.ToString(), Encoding.UTF8, "text/plain"), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode == HttpStatusCode.Conflict && response.Content.Headers.ContentType?.MediaType == "text/x.tlog.size"
                && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var at))
            {
                // The witness stands elsewhere: start from there at once.
                (progress.Size, progress.NextAttempt) = (at, clock.GetUtcNow());
                if (at > stored.Size)
                {
                    // It cosigned more of this log than the log now holds: the store was rolled back (a backup restored),
                    // and every witness of it will refuse what it signs from here.
                    log.LogError("The witness {Witness} cosigned this log up to size {Size}, but the log holds {Held}: this store lost entries it had published.", key.Name, at, stored.Size);
                    (progress.Size, progress.NextAttempt) = (0, clock.GetUtcNow() + MaxBackoff);
                }
                return;
            }
            if (response.StatusCode != HttpStatusCode.OK)
                throw new HttpRequestException($"{(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}");
            var answered = SignedNote.Parse(plain + text);
            var verified = answered.Verify([key]);
            var line = answered.Signatures.First(s => s.Name == key.Name && s.KeyId == key.KeyId).Line;
            await KeepAsync(recorder, key, stored.Size, line, ct);
            (progress.Size, progress.Failures, progress.NextAttempt) = (stored.Size, 0, clock.GetUtcNow());
            log.LogInformation("{Witness} cosigned the checkpoint of size {Size} ({Count} signature).", key.Name, stored.Size, verified.Count);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or FormatException && !ct.IsCancellationRequested)
        {
            progress.Failures++;
            var wait = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, Interval.TotalMilliseconds * Math.Pow(2, progress.Failures)));
            progress.NextAttempt = clock.GetUtcNow() + wait;
            log.LogWarning("The witness {Witness} at {Url} did not cosign size {Size} ({Reason}); trying again in {Wait}.", key.Name, url, stored.Size, e.Message, wait);
        }
    }

    private static TimeSpan Milliseconds(string variable, int fallback) =>
        TimeSpan.FromMilliseconds(int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : fallback);
}
