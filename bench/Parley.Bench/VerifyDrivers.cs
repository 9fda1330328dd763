using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Parley.Record;

namespace Parley.Bench;

/// <summary>
/// `parley verify` against its floors, in one run on one machine: the tree and leaf phase against `sha256sum` over the
/// same canonical bytes, and the projection replay. Medians of several runs, so one noisy run does not decide.
/// </summary>
internal static class VerifyDrivers
{
    /// <summary>verify-vs-sha256sum --data DIR [--database CS] [--runs 3]: the tree phase's median over sha256sum's.</summary>
    public static async Task<int> VerifyAgainstSha256sumAsync(string[] args)
    {
        var runs = int.Parse(Drivers.Arg(args, "--runs", "3"), CultureInfo.InvariantCulture);
        await using var services = Drivers.Services(args);
        await using (var open = services.CreateAsyncScope())
            await open.ServiceProvider.OpenStoreAsync();
        var store = services.GetRequiredService<StoreSettings>();
        var key = LogKey.ExistingVerifier(store) ?? throw new InvalidOperationException("The store has no log key.");
        var leaves = Path.Combine(Path.GetTempPath(), $"parley-leaves-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = await DumpAsync(services, leaves);
            Console.Error.WriteLine($"{bytes:N0} canonical bytes written to {leaves}");
            var (sha, tree) = (new List<double>(), new List<double>());
            for (var run = 0; run < runs; run++)
            {
                sha.Add(Sha256sum(leaves));
                await using var scope = services.CreateAsyncScope();
                var report = await LedgerVerification.CheckLogAsync(scope.ServiceProvider.GetRequiredService<ParleyDb>(), key, null, CancellationToken.None);
                if (report.Divergence is not null)
                    throw new InvalidOperationException(report.Divergence);
                tree.Add(report.TreeTime.TotalSeconds);
                Console.Error.WriteLine($"run {run + 1}: sha256sum {sha[^1]:N2} s, verify tree phase {tree[^1]:N2} s ({report.Events:N0} events)");
            }
            var (s, t) = (Median(sha), Median(tree));
            Console.WriteLine($"sha256sum over {bytes:N0} bytes: median {s:N2} s; verify's tree, leaf and checkpoint phase: median {t:N2} s; ratio {t / s:N2}× ({runs} runs each, interleaved).");
            return 0;
        }
        finally
        {
            File.Delete(leaves);
        }
    }

    /// <summary>replay --data DIR [--database CS] [--runs 3]: the projection replay verify runs (rolled back), median.</summary>
    public static async Task<int> ReplayAsync(string[] args)
    {
        var runs = int.Parse(Drivers.Arg(args, "--runs", "3"), CultureInfo.InvariantCulture);
        await using var services = Drivers.Services(args);
        await using (var open = services.CreateAsyncScope())
            await open.ServiceProvider.OpenStoreAsync();
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var outcome = await Rebuild.RunAsync(scope.ServiceProvider.GetRequiredService<ParleyDb>(), null, CancellationToken.None, commit: false);
            times.Add(watch.Elapsed.TotalSeconds);
            if (outcome.Divergence is not null)
                throw new InvalidOperationException(outcome.Divergence);
            Console.Error.WriteLine($"run {run + 1}: replayed {outcome.Events:N0} events in {times[^1]:N1} s");
        }
        Console.WriteLine($"Projection replay (rolled back, compared): median {Median(times):N1} s over {runs} runs.");
        return 0;
    }

    private static async Task<long> DumpAsync(IServiceProvider services, string file)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        await using var output = File.Create(file);
        var bytes = 0L;
        await foreach (var (_, data) in LedgerExport.EntriesAsync(db, await LedgerNodes.SizeAsync(db, default), default))
        {
            bytes += data.Length;
            await output.WriteAsync(data);
        }
        return bytes;
    }

    private static double Sha256sum(string file)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("sha256sum", file) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("sha256sum did not start.");
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? watch.Elapsed.TotalSeconds : throw new InvalidOperationException("sha256sum failed.");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
