using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Directory;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Bench;

/// <summary>Load drivers for figures BenchmarkDotNet is a poor fit for (large stores, HTTP under load). All bounded.</summary>
internal static class Drivers
{
    internal static string Arg(string[] args, string name, string? fallback = null) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is required.");

    internal static ServiceProvider Services(string[] args) => new ServiceCollection().AddLogging()
        .AddParley(StoreSettings.From(Arg(args, "--data"), args.Contains("--database") ? Arg(args, "--database") : null, args.Contains("--secret-file") ? Arg(args, "--secret-file") : null)).BuildServiceProvider();

    /// <summary>fill --data DIR [--database CS] --events N [--batch B]: records N institution events, B per commit.</summary>
    public static async Task<int> FillAsync(string[] args)
    {
        var (total, batch) = (long.Parse(Arg(args, "--events"), CultureInfo.InvariantCulture), int.Parse(Arg(args, "--batch", "1000"), CultureInfo.InvariantCulture));
        await using var services = Services(args);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.OpenStoreAsync();
        var watch = Stopwatch.StartNew();
        for (long done = 0; done < total; done += batch)
        {
            await using var scope = services.CreateAsyncScope();
            var count = (int)Math.Min(batch, total - done);
            await scope.ServiceProvider.GetRequiredService<Recorder>().WriteAsync("bench", async (s, ct) =>
            {
                for (var i = 0; i < count; i++)
                {
                    var n = (done + i).ToString(CultureInfo.InvariantCulture);
                    await s.RecordAsync(new InstitutionRecorded(Guid.CreateVersion7(), InstitutionKind.Committee, null, null,
                        [new NameEntry($"Committee {n}", "en")], [new Identifier("bench", n)]), ct);
                }
                return Result<int>.Ok(count);
            });
            if ((done / batch) % 50 == 0)
                Console.Error.WriteLine($"{done + count:N0} events, {(done + count) / watch.Elapsed.TotalSeconds:N0}/s");
        }
        Console.WriteLine($"Recorded {total:N0} events in {watch.Elapsed.TotalSeconds:N1} s: {total / watch.Elapsed.TotalSeconds:N0} events/s ({batch} per commit).");
        return 0;
    }

    /// <summary>synthetic-tree --file DB --leaves N: a SQLite file holding only the tree nodes of N synthetic leaves.</summary>
    public static async Task<int> SyntheticTreeAsync(string[] args)
    {
        var (file, leaves) = (Arg(args, "--file"), long.Parse(Arg(args, "--leaves"), CultureInfo.InvariantCulture));
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE ledger_nodes (\"Level\" INTEGER NOT NULL, \"Index\" INTEGER NOT NULL, \"Hash\" BLOB NOT NULL, PRIMARY KEY (\"Level\", \"Index\")) WITHOUT ROWID;";
            await create.ExecuteNonQueryAsync();
        }
        var tree = CompactRange.Empty();
        var watch = Stopwatch.StartNew();
        for (long start = 0; start < leaves; start += 100_000)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO ledger_nodes VALUES ($l, $i, $h)";
            var (l, i, h) = (insert.Parameters.Add("$l", SqliteType.Integer), insert.Parameters.Add("$i", SqliteType.Integer), insert.Parameters.Add("$h", SqliteType.Blob));
            insert.Prepare();
            for (var n = start; n < Math.Min(start + 100_000, leaves); n++)
            {
                foreach (var (id, hash) in tree.Append(MerkleHash.Leaf(BitConverter.GetBytes(n))))
                {
                    (l.Value, i.Value, h.Value) = (id.Level, id.Index, hash);
                    await insert.ExecuteNonQueryAsync();
                }
            }
            await transaction.CommitAsync();
            Console.Error.WriteLine($"{tree.Size:N0} leaves");
        }
        Console.WriteLine($"Built a tree of {leaves:N0} leaves in {watch.Elapsed.TotalSeconds:N1} s; root {Convert.ToHexStringLower(tree.Root())}.");
        return 0;
    }

    /// <summary>What a bounded HTTP load measured: requests, failures, wall time, latency median and 95th percentile, body bytes.</summary>
    internal sealed record Load(int Requests, int Failures, double Seconds, double MedianMs, double P95Ms, long Bytes)
    {
        public double PerSecond => Requests / Seconds;
    }

    /// <summary>
    /// Runs the load the driver's --url, --seconds and --concurrency ask for (loopback only); <paramref name="request"/> makes one
    /// request with the worker's own random source and answers whether it succeeded and how many body bytes it read.
    /// </summary>
    internal static async Task<Load> RunLoadAsync(string[] args, HttpClient client, Func<Random, Task<(bool Ok, long Bytes)>> request, int defaultConcurrency = 8)
    {
        var (seconds, concurrency) = (int.Parse(Arg(args, "--seconds", "20"), CultureInfo.InvariantCulture),
            int.Parse(Arg(args, "--concurrency", defaultConcurrency.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));
        var deadline = Stopwatch.StartNew();
        var latencies = new List<double>[concurrency];
        var (failures, bytes) = (0, 0L);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            var random = new Random(worker);
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                var start = Stopwatch.GetTimestamp();
                var (ok, read) = await request(random);
                if (!ok)
                    Interlocked.Increment(ref failures);
                Interlocked.Add(ref bytes, read);
                latencies[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Load(all.Count, failures, deadline.Elapsed.TotalSeconds, all[all.Count / 2], all[(int)(all.Count * 0.95)], bytes);
    }

    /// <summary>A loopback port nothing listens on now, for a server the driver starts.</summary>
    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static HttpClient LoopbackClient(string[] args)
    {
        var url = new Uri(Arg(args, "--url"));
        if (!url.IsLoopback)
            throw new ArgumentException("The load driver only targets this machine (loopback).");
        return new HttpClient { BaseAddress = url };
    }

    /// <summary>http-proofs --url URL [--seconds 20] [--concurrency 8]: random inclusion proofs against a running server.</summary>
    public static async Task<int> HttpProofsAsync(string[] args)
    {
        using var client = LoopbackClient(args);
        var size = Checkpoint.Parse(SignedNote.Parse(await client.GetStringAsync("/ledger/checkpoint")).Text).Size;
        var load = await RunLoadAsync(args, client, async random =>
        {
            using var response = await client.GetAsync($"/ledger/proof/inclusion?index={random.NextInt64(size)}&size={size}");
            await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.IsSuccessStatusCode, 0);
        });
        Console.WriteLine($"{load.Requests:N0} inclusion proofs at size {size:N0} in {load.Seconds:N1} s: {load.PerSecond:N0}/s, "
            + $"median {load.MedianMs:N2} ms, p95 {load.P95Ms:N2} ms, {load.Failures} failures, {Arg(args, "--concurrency", "8")} connections.");
        return load.Failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// http-tiles --url URL [--seconds 20] [--concurrency 8]: random full tlog-tiles at levels 0–2 against a running server,
    /// as a monitor following the log reads them (each a 256 × 32-byte body).
    /// </summary>
    public static async Task<int> HttpTilesAsync(string[] args)
    {
        using var client = LoopbackClient(args);
        var size = Checkpoint.Parse(SignedNote.Parse(await client.GetStringAsync("/ledger/checkpoint")).Text).Size;
        // Full tiles at level L: size / 256^(L+1) of them.
        var levels = Enumerable.Range(0, 3).Select(l => (Level: l, Full: size >> (8 * (l + 1)))).Where(l => l.Full > 0).ToList();
        var load = await RunLoadAsync(args, client, async random =>
        {
            var (level, full) = levels[random.Next(levels.Count)];
            using var response = await client.GetAsync("/ledger/" + new TilePath(level, random.NextInt64(full), null));
            var body = await response.Content.ReadAsByteArrayAsync();
            return (response.IsSuccessStatusCode && body.Length == TilePath.Width256 * MerkleHash.Size, body.Length);
        });
        Console.WriteLine($"{load.Requests:N0} full tiles (levels {string.Join(", ", levels.Select(l => l.Level))}) at size {size:N0} in {load.Seconds:N1} s: "
            + $"{load.PerSecond:N0}/s ({load.Bytes / load.Seconds / 1e6:N1} MB/s), median {load.MedianMs:N2} ms, p95 {load.P95Ms:N2} ms, {load.Failures} failures, {Arg(args, "--concurrency", "8")} connections.");
        return load.Failures == 0 ? 0 : 1;
    }
}
