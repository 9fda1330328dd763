using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;

namespace Parley.Bench;

/// <summary>A large register, and page latency under load. Bounded in count and time; loopback only.</summary>
internal static class LetterDrivers
{
    /// <summary>
    /// fill-letters --data DIR --letters N: N letters from office A to office C through courier B, each carried
    /// and confirmed in two signed hand-overs: 10 events a letter (one in a thousand is left unconfirmed with the courier). Events are recorded directly (no decisions),
    /// signatures are random bytes: this measures reading at scale, not writing.
    /// </summary>
    public static async Task<int> FillLettersAsync(string[] args)
    {
        var total = int.Parse(Drivers.Arg(args, "--letters"), CultureInfo.InvariantCulture);
        await using var services = Drivers.Services(args);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.OpenStoreAsync();
        var (a, b, c) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await WriteAsync(services, async (s, ct) =>
        {
            foreach (var (id, name) in new[] { (a, "Sending Office"), (b, "Courier Service"), (c, "Receiving Office") })
                await s.RecordAsync(new InstitutionRecorded(id, InstitutionKind.Other, null, null, [new NameEntry(name, "en")], []), ct);
        });
        Console.WriteLine($"Sending office (use for `parley user add … --institution`): {a}");
        var watch = Stopwatch.StartNew();
        const int batch = 200;
        for (var done = 0; done < total; done += batch)
        {
            var start = done;
            await WriteAsync(services, async (s, ct) =>
            {
                for (var i = start; i < Math.Min(start + batch, total); i++)
                {
                    var letter = Guid.CreateVersion7();
                    var dated = new DateOnly(2018, 1, 1).AddDays(i % 365);
                    var at = dated.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
                    await s.RecordAsync(new LetterRegistered(letter, a, $"2018/{i + 1}", LetterDirection.Outgoing, dated, a, null, c, null,
                        $"Letter {i + 1} on legislative dialogue", ["legislative dialogue"], null, "en", null, null), ct);
                    await s.RecordAsync(new RoutePlanned(letter, [new LegPlan(b, null, 48), new LegPlan(c, null, 72)]), ct);
                    foreach (var (from, to, hours) in new[] { (a, b, 0), (b, c, 24) })
                    {
                        var handover = Guid.CreateVersion7();
                        await s.RecordAsync(new HandoverRecorded(letter, handover, from, null, to, null, at.AddHours(hours), "bench", true, null), ct);
                        await s.RecordAsync(new HandoverSigned(letter, handover, from, true, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))), ct);
                        // One letter in a thousand stays with the courier, its last hand-over unconfirmed: the rare
                        // status and the exceptions the register's filters must find without reading everything.
                        if (to == c && i % 1000 == 999)
                            continue;
                        await s.RecordAsync(new HandoverSigned(letter, handover, to, false, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))), ct);
                        await s.RecordAsync(new HandoverConfirmed(letter, handover, at.AddHours(hours + 1), true), ct);
                    }
                }
            });
            if ((done / batch) % 50 == 0)
                Console.Error.WriteLine($"{Math.Min(done + batch, total):N0} letters, {watch.Elapsed.TotalSeconds:N0} s");
        }
        Console.WriteLine($"Recorded {total:N0} letters (about {total * 10:N0} events) in {watch.Elapsed.TotalSeconds:N1} s.");
        return 0;
    }

    private static async Task WriteAsync(ServiceProvider services, Func<WriteScope, CancellationToken, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Recorder>().WriteAsync("bench", async (s, ct) =>
        {
            await work(s, ct);
            return Result<int>.Ok(0);
        });
    }

    /// <summary>http-get --url URL --path P [--token T] [--seconds 20] [--concurrency 4]: median and p95 latency of one page.</summary>
    public static async Task<int> HttpGetAsync(string[] args)
    {
        using var client = Drivers.LoopbackClient(args);
        var path = Drivers.Arg(args, "--path");
        if (args.Contains("--token"))
            client.DefaultRequestHeaders.Authorization = new("Bearer", Drivers.Arg(args, "--token"));
        var load = await Drivers.RunLoadAsync(args, client, async _ =>
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            return (response.IsSuccessStatusCode, body.Length);
        }, defaultConcurrency: 4);
        Console.WriteLine($"GET {path}: {load.Requests:N0} requests in {load.Seconds:N1} s, median {load.MedianMs:N1} ms, p95 {load.P95Ms:N1} ms, {load.Failures} failures, {Drivers.Arg(args, "--concurrency", "4")} connections.");
        return load.Failures == 0 ? 0 : 1;
    }
}
