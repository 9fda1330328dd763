using System.Diagnostics;
using System.Globalization;

namespace Parley.Bench;

/// <summary>How long a server takes to answer, and what its health probe costs, on a given store.</summary>
internal static class StartupDrivers
{
    /// <summary>
    /// start-up --data DIR --secret-file S [--runs 5]: starts this build's `parley serve` on the store (already opened once, so
    /// its migrations are applied) and times the first 200 from /health, from the moment the process is started; the median
    /// and each run. The baseline in the same run: `parley --help`, the runtime's own start.
    /// </summary>
    public static async Task<int> StartupAsync(string[] args)
    {
        var (data, secret) = (Drivers.Arg(args, "--data"), Drivers.Arg(args, "--secret-file"));
        var runs = int.Parse(Drivers.Arg(args, "--runs", "5"), CultureInfo.InvariantCulture);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var (help, serve) = (new List<double>(), new List<double>());
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            using (var process = Process.Start(Info("--help"))!)
            {
                await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
            }
            help.Add(watch.Elapsed.TotalMilliseconds);

            var port = Drivers.FreePort();
            watch.Restart();
            using var server = Process.Start(Info("serve", "--data", data, "--secret-file", secret, "--urls", $"http://127.0.0.1:{port}"))!;
            _ = server.StandardOutput.ReadToEndAsync();
            _ = server.StandardError.ReadToEndAsync();
            while (!await AnswersAsync(client, port))
            {
                if (server.HasExited || watch.Elapsed > TimeSpan.FromMinutes(2))
                    throw new InvalidOperationException($"parley serve did not answer /health (exit {(server.HasExited ? server.ExitCode : -1)}).");
                await Task.Delay(5);
            }
            serve.Add(watch.Elapsed.TotalMilliseconds);
            var probes = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var probe = Stopwatch.GetTimestamp();
                await client.GetStringAsync($"http://127.0.0.1:{port}/health");
                probes.Add(Stopwatch.GetElapsedTime(probe).TotalMilliseconds);
            }
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Console.WriteLine($"run {run + 1}: /health answered {serve[^1]:N0} ms after the start (parley --help: {help[^1]:N0} ms); "
                + $"then /health median {Median(probes):N2} ms over 200 probes.");
        }
        Console.WriteLine($"Start to /health: median {Median(serve):N0} ms; parley --help: median {Median(help):N0} ms ({runs} runs).");
        return 0;
    }

    private static async Task<bool> AnswersAsync(HttpClient client, int port)
    {
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static ProcessStartInfo Info(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parley.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return info;
    }
}
