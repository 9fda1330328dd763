using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Parley.Record;

namespace Parley.Bench;

/// <summary>
/// federation-throughput [--letters 400] [--seconds 30] [--concurrency 4] [--interval-ms 1000]: two real `parley serve`
/// processes on SQLite (this build's parley.dll), peered as operators do it. (1) A burst: the receiving node is stopped,
/// the sending node records a hand-over of each of N letters to the receiver's institution (an envelope and a signed
/// hand-over each, 2N messages in its outbox), the receiver returns, and the rate at which it applies them is read from its
/// own received-message times. (2) A steady load: workers confirm those hand-overs on the receiving node, each then waiting
/// for the confirmation to appear on the sending node; the time from the confirmation's answer to its appearance, median
/// and p95. The baseline, in the same run: hand-overs recorded per second through the sending node's API.
/// </summary>
internal static class FederationDrivers
{
    private const string Password = "federation-bench-password-2026";

    public static async Task<int> ThroughputAsync(string[] args)
    {
        var letters = int.Parse(Drivers.Arg(args, "--letters", "400"), CultureInfo.InvariantCulture);
        var seconds = int.Parse(Drivers.Arg(args, "--seconds", "30"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Drivers.Arg(args, "--concurrency", "4"), CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["PARLEY_FEDERATION_INTERVAL_MS"] = Drivers.Arg(args, "--interval-ms", "1000"),
            // A peer back from a stop is tried again within a second, so the burst measures delivery, not backoff.
            ["PARLEY_FEDERATION_BACKOFF_MAX_MS"] = "1000",
        };
        var folder = Path.Combine(Path.GetTempPath(), $"parley-fedbench-{Guid.NewGuid():N}");
        await using var sender = await BenchNode.CreateAsync(folder, "sender", "Executive Office of the President");
        await using var receiver = await BenchNode.CreateAsync(folder, "receiver", "Presidential Administration of Russia");
        await sender.StartAsync(environment);
        await receiver.StartAsync(environment);
        await sender.PeerAsync(receiver);
        await receiver.PeerAsync(sender);
        var (self, addressee) = (await sender.InstitutionAsync(), await receiver.InstitutionAsync());

        // The burst: N letters registered, the receiver stopped, each handed over (two messages each), the receiver back.
        var ids = new List<Guid>();
        for (var i = 0; i < letters; i++)
            ids.Add(await sender.RegisterAsync(self, addressee, i));
        await receiver.StopAsync();
        var recording = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (id, ct) =>
        {
            using var handed = await sender.Clerk.PostAsJsonAsync($"/api/letters/{id}/handovers", new { toInstitution = addressee, place = "Washington" }, ct);
            if (!handed.IsSuccessStatusCode)
                throw new InvalidOperationException($"hand-over: {(int)handed.StatusCode} {await handed.Content.ReadAsStringAsync(ct)}");
        });
        var recorded = letters / recording.Elapsed.TotalSeconds;
        await receiver.StartAsync(environment);
        var drain = Stopwatch.StartNew();
        while (receiver.Received() < 2 * letters)
        {
            if (drain.Elapsed > TimeSpan.FromMinutes(10))
                throw new TimeoutException($"Only {receiver.Received()} of {2 * letters} messages arrived in ten minutes.");
            await Task.Delay(100);
        }
        var (count, first, last) = receiver.ReceivedSpan();
        var delivered = (count - 1) / (last - first).TotalSeconds;

        // The steady load: confirmations on the receiving node, each timed until the sending node shows it.
        var queue = new System.Collections.Concurrent.ConcurrentQueue<Guid>(ids);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed.TotalSeconds < seconds && queue.TryDequeue(out var id))
            {
                var chain = await receiver.Clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{id}/custody");
                var handover = chain.GetProperty("chain")[0].GetProperty("handover").GetGuid();
                using var confirmed = await receiver.Clerk.PostAsJsonAsync($"/api/letters/{id}/handovers/{handover}/confirm", new { sealIntact = true });
                if (!confirmed.IsSuccessStatusCode)
                    throw new InvalidOperationException($"confirm: {(int)confirmed.StatusCode} {await confirmed.Content.ReadAsStringAsync()}");
                var answered = Stopwatch.GetTimestamp();
                while ((await sender.Clerk.GetFromJsonAsync<JsonElement>($"/api/letters/{id}/custody")).GetProperty("chain")[0].GetProperty("state").GetString() != "Confirmed")
                    await Task.Delay(10);
                latencies.Add(Stopwatch.GetElapsedTime(answered).TotalMilliseconds);
            }
        }));
        var sorted = latencies.Order().ToList();
        Console.WriteLine($"Hand-overs recorded through the sending node's API (baseline): {recorded:N0}/s ({letters} letters, {concurrency} clients).");
        Console.WriteLine($"Burst: {count:N0} messages (envelopes and signed hand-overs) delivered after the receiver returned: {delivered:N0} messages/s "
            + $"({delivered / 2 / recorded:N2}× the baseline's letters/s), delivery interval {environment["PARLEY_FEDERATION_INTERVAL_MS"]} ms.");
        Console.WriteLine($"Steady load: {sorted.Count} confirmations on the receiving node in {clock.Elapsed.TotalSeconds:N1} s with {concurrency} clients; "
            + $"confirmation → seen on the sending node: median {sorted[sorted.Count / 2]:N0} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:N0} ms.");
        return 0;
    }

    /// <summary>One node: a store, a secret, its institution imported from Popolo and hosted, a clerk with a token, a `serve` process.</summary>
    private sealed class BenchNode : IAsyncDisposable
    {
        private readonly string _data;
        private readonly string _secret;
        private readonly string _name;
        private Process? _process;

        private BenchNode(string data, string secret, string name) => (_data, _secret, _name) = (data, secret, name);

        public Uri Address { get; private set; } = null!;
        public HttpClient Clerk { get; private set; } = null!;
        private string Token { get; set; } = "";
        private int Port { get; } = Drivers.FreePort();

        public static async Task<BenchNode> CreateAsync(string folder, string id, string name)
        {
            var data = Path.Combine(folder, id);
            System.IO.Directory.CreateDirectory(data);
            var secret = Path.Combine(folder, id + ".secret");
            OwnerOnly.WriteAllText(secret, KeySecret.GenerateText() + "\n");
            var node = new BenchNode(data, secret, name);
            var popolo = Path.Combine(folder, id + ".json");
            await File.WriteAllTextAsync(popolo, JsonSerializer.Serialize(new { organizations = new[] { new { id, name, classification = "head_of_state_office" } } }));
            await node.RunAsync(null, "import", "popolo", popolo, "--scheme", "bench");
            await node.RunAsync(null, "node", "host", name);
            await node.RunAsync(Password, "user", "add", "clerk", "--institution", name, "--role", "registry-clerk");
            node.Token = (await node.RunAsync(null, "token", "create", "clerk")).Trim().Split('\n')[^1];
            return node;
        }

        public async Task StartAsync(IReadOnlyDictionary<string, string> environment)
        {
            Address = new Uri($"http://127.0.0.1:{Port}");
            _process = Process.Start(Info(environment, "serve", "--urls", Address.ToString().TrimEnd('/')))!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            Clerk = new HttpClient { BaseAddress = Address };
            Clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            for (var i = 0; i < 240; i++)
            {
                try
                {
                    if ((await Clerk.GetAsync("/health")).IsSuccessStatusCode)
                        return;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(250);
            }
            throw new TimeoutException($"The {_name} node did not answer /health.");
        }

        public async Task StopAsync()
        {
            using (var term = Process.Start("kill", ["-TERM", _process!.Id.ToString(CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            await _process.WaitForExitAsync();
            _process.Dispose();
            _process = null;
        }

        public async Task PeerAsync(BenchNode other)
        {
            using var anonymous = new HttpClient { BaseAddress = other.Address };
            var key = (await anonymous.GetStringAsync("/ledger/key")).Trim();
            await RunAsync(null, "peer", "add", other.Address.ToString(), "--key", key);
        }

        /// <summary>The institution this node hosts: its clerk's.</summary>
        public async Task<Guid> InstitutionAsync() => (await Clerk.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("institution").GetGuid();

        public async Task<Guid> RegisterAsync(Guid self, Guid addressee, int n)
        {
            using var registered = await Clerk.PostAsJsonAsync("/api/letters", new
            {
                direction = "outgoing",
                dated = "2026-12-01",
                senderInstitution = self,
                addresseeInstitution = addressee,
                subject = $"Bench letter {n}",
                topics = new[] { "bench" },
                language = "en",
            });
            if (!registered.IsSuccessStatusCode)
                throw new InvalidOperationException($"register: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
            return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        /// <summary>Messages this node applied, read from its store as an operator would.</summary>
        public int Received()
        {
            using var command = Query("SELECT COUNT(*) FROM federation_received");
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        /// <summary>How many messages it applied, and when the first and the last were applied.</summary>
        public (int Count, DateTime First, DateTime Last) ReceivedSpan()
        {
            using var command = Query("SELECT \"ReceivedAt\" FROM federation_received ORDER BY \"ReceivedAt\"");
            using var reader = command.ExecuteReader();
            var times = new List<DateTime>();
            while (reader.Read())
                times.Add(DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
            return (times.Count, times[0], times[^1]);
        }

        private SqliteCommand Query(string sql)
        {
            var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "parley.db")};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Disposed += (_, _) => connection.Dispose();
            return command;
        }

        private async Task<string> RunAsync(string? input, params string[] args)
        {
            using var process = Process.Start(Info(null, args))!;
            if (input is not null)
                await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"parley {string.Join(' ', args)}: {output}");
        }

        private ProcessStartInfo Info(IReadOnlyDictionary<string, string>? environment, params string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parley.dll"));
            foreach (var arg in args.Concat(["--data", _data, "--secret-file", _secret]))
                info.ArgumentList.Add(arg);
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                info.Environment[name] = value;
            return info;
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is not null)
                await StopAsync();
            Clerk?.Dispose();
        }
    }
}
