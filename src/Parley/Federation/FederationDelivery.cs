using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Host;
using Parley.Record;

namespace Parley.Federation;

/// <summary>How often the outbox is sent, and the longest wait after failures (PARLEY_FEDERATION_INTERVAL_MS, PARLEY_FEDERATION_BACKOFF_MAX_MS).</summary>
public sealed record FederationConfig(TimeSpan Interval, TimeSpan MaxBackoff)
{
    public static FederationConfig FromEnvironment() => new(
        Milliseconds("PARLEY_FEDERATION_INTERVAL_MS") ?? TimeSpan.FromSeconds(1),
        Milliseconds("PARLEY_FEDERATION_BACKOFF_MAX_MS") ?? TimeSpan.FromMinutes(5));

    private static TimeSpan? Milliseconds(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : null;
}

/// <summary>
/// Sends each peer its messages in their order: the oldest undelivered first, the next only once the peer has taken
/// it. A peer that cannot be reached, or answers anything but "applied" or "refused", is tried again after a wait that
/// doubles (to <see cref="FederationConfig.MaxBackoff"/>), so a peer down for a day receives everything when it returns;
/// the same signed bytes are sent each time, so a message the peer took before the answer was lost is not applied twice.
/// A write that queues a message wakes it (<see cref="OutboxSignal"/>); otherwise it looks every interval.
/// </summary>
public sealed class FederationDelivery(IServiceScopeFactory scopes, IHttpClientFactory http, FederationConfig config, TimeProvider clock,
    OutboxSignal queued, IHostApplicationLifetime lifetime, ILogger<FederationDelivery> log) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.StartedAsync(stoppingToken);
        do
        {
            try
            {
                while (await RoundAsync(stoppingToken) && !stoppingToken.IsCancellationRequested)
                {
                    // A full batch was delivered: more may be waiting, so the next round starts at once.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Delivering to peers failed; trying again in {Interval}.", config.Interval);
            }
        }
        while (await NextAsync(stoppingToken));
    }

    /// <summary>Waits for a message queued here, or the interval (for messages queued by other processes, and retries).</summary>
    private async Task<bool> NextAsync(CancellationToken ct)
    {
        await queued.WaitAsync(config.Interval, ct);
        return !ct.IsCancellationRequested;
    }

    /// <summary>One pass over the peers with messages due; true when some peer had a full batch delivered.</summary>
    private async Task<bool> RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        var waiting = await db.FederationOutbox.AsNoTracking().Where(m => m.DeliveredAt == null).Select(m => m.Peer).Distinct().ToListAsync(ct);
        var more = false;
        foreach (var origin in waiting)
        {
            var peer = await db.Peers.AsNoTracking().FirstOrDefaultAsync(p => p.Origin == origin, ct);
            if (peer is null)
                continue;
            var due = await db.FederationOutbox.Where(m => m.Peer == origin && m.DeliveredAt == null).OrderBy(m => m.Seq).Take(Batch).ToListAsync(ct);
            if (due.Count == 0 || due[0].NextAttemptAt > clock.GetUtcNow().UtcDateTime)
                continue;
            var delivered = await SendAsync(db, peer, due, ct);
            more |= delivered == Batch;
        }
        return more;
    }

    private async Task<int> SendAsync(ParleyDb db, Peer peer, List<OutgoingMessage> due, CancellationToken ct)
    {
        using var client = http.CreateClient(nameof(FederationDelivery));
        var inbox = new Uri(new Uri(peer.Url), "/federation/inbox");
        var delivered = 0;
        foreach (var message in due)
        {
            string? failure;
            try
            {
                using var content = new StringContent(message.Note, System.Text.Encoding.UTF8, "text/plain");
                using var response = await client.PostAsync(inbox, content, ct);
                var said = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    (message.DeliveredAt, message.LastError) = (clock.GetUtcNow().UtcDateTime, null);
                    await db.SaveChangesAsync(ct);
                    delivered++;
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
                {
                    // The peer verified it and refused to apply it (and keeps it); waiting would not change that.
                    (message.DeliveredAt, message.Refused, message.LastError) = (clock.GetUtcNow().UtcDateTime, true, Detail(said));
                    await db.SaveChangesAsync(ct);
                    log.LogWarning("{Peer} refused message {Seq} ({Kind}): {Answer}", peer.Origin, message.Seq, message.Kind, said);
                    continue;
                }
                failure = $"{(int)response.StatusCode}: {Detail(said)}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                failure = e.Message;
            }
            message.Attempts++;
            var wait = TimeSpan.FromTicks(Math.Min(config.MaxBackoff.Ticks, config.Interval.Ticks << Math.Min(message.Attempts, 20)));
            (message.NextAttemptAt, message.LastError) = (clock.GetUtcNow().UtcDateTime + wait, Trim(failure));
            await db.SaveChangesAsync(ct);
            log.LogInformation("Message {Seq} to {Peer} not delivered ({Error}); attempt {Attempts}, next in {Wait}.", message.Seq, peer.Origin, message.LastError, message.Attempts, wait);
            break;
        }
        return delivered;
    }

    private static string Trim(string text) => text.Length > 1000 ? text[..1000] : text;

    /// <summary>What a peer's problem answer says (its detail), or the answer itself.</summary>
    private static string Detail(string answer)
    {
        try
        {
            using var problem = System.Text.Json.JsonDocument.Parse(answer);
            return Trim(problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? answer : answer);
        }
        catch (System.Text.Json.JsonException)
        {
            return Trim(answer);
        }
    }
}
