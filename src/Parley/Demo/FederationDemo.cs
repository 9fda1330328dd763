using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Federation;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Demo;

/// <summary>
/// `parley demo federation`: the Moscow letter across three nodes on this machine — the Executive Office of the
/// President, the US Senate (where the courier works) and the Presidential Administration of Russia — each its own
/// `parley serve` process with its own SQLite store, secret and keys. The first run sets each node up as its operator
/// would (the directory, its institution hosted, its users), peers them with the log keys they publish, and sends the
/// letter from the Executive Office through the Senate to the Russian node, where its receipt waits for the Russian
/// clerk. A later run serves the same nodes again. Ctrl+C stops all three.
/// </summary>
public static class FederationDemo
{
    private sealed record DemoNode(string Id, string Name, Guid Institution, (string User, string Name, Role Role)[] Users);

    private static readonly DemoNode[] Nodes =
    [
        new("eop", "Executive Office of the President", KnownInstitutions.UsPresident,
            [("clerk", "Registry clerk, Executive Office of the President", Role.RegistryClerk), ("admin", "Administrator, Executive Office of the President", Role.Administrator)]),
        new("senate", "US Senate (the courier's node)", KnownInstitutions.UsSenate,
            [("courier", "Courier, US Senate", Role.Courier), ("admin", "Administrator, US Senate", Role.Administrator)]),
        new("ru", "Presidential Administration of Russia", DemoDirectory.RuPresidentialAdministration,
            [("clerk-ru", "Registry clerk, Presidential Administration of Russia", Role.RegistryClerk), ("admin", "Administrator, Presidential Administration of Russia", Role.Administrator)]),
    ];

    private static readonly Guid Paul = KnownInstitutions.Person("bioguide", "P000603");
    private static readonly Guid Putin = KnownInstitutions.Person("wikidata", "Q7747");
    private static readonly Guid Trump = KnownInstitutions.Person("wikidata", "Q22686");
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The first of three loopback ports the nodes listen on", DefaultValueFactory = _ => 5100 };
        var federation = new Command("federation", "Run the Moscow letter across three nodes on this machine (the Executive Office, the Senate, the Presidential Administration of Russia); Ctrl+C stops them") { port };
        federation.SetAction(async (result, ct) =>
        {
            var folder = Path.GetFullPath(result.GetValue(CommandLine.Data) ?? "parley-federation");
            var first = result.GetValue(port);
            if (first is < 1024 or > 65533)
                return CommandLine.Fail(new DomainError("port", $"The port {first} must be from 1024 to 65533 (the nodes take it and the next two)."));
            try
            {
                return await RunAsync(folder, first, ct);
            }
            catch (DomainException e)
            {
                return CommandLine.Fail(e.Error);
            }
        });
        return new Command("demo", "Demonstrations that run on this machine") { federation };
    }

    private static async Task<int> RunAsync(string folder, int port, CancellationToken ct)
    {
        var stores = Nodes.Select(n => new StoreSettings(Path.Combine(folder, n.Id), null) { Secret = DemoSecret.Load(Path.Combine("demo-federation", n.Id + "-secret")) }).ToArray();
        var urls = Nodes.Select((_, i) => new Uri($"http://127.0.0.1:{port + i}")).ToArray();
        for (var i = 0; i < Nodes.Length; i++)
            await WithStoreAsync(stores[i], (services, c) => SetUpAsync(Nodes[i], services, c), ct);
        var servers = new List<Process>();
        try
        {
            for (var i = 0; i < Nodes.Length; i++)
                servers.Add(Serve(Nodes[i], stores[i], urls[i]));
            for (var i = 0; i < Nodes.Length; i++)
                await ReadyAsync(Nodes[i], servers[i], urls[i], ct);
            for (var i = 0; i < Nodes.Length; i++)
            {
                for (var j = 0; j < Nodes.Length; j++)
                {
                    if (i != j)
                        await WithStoreAsync(stores[i], (services, c) => PeerAsync(services, urls[j], c), ct);
                }
            }
            var letter = await StoryAsync(stores, ct);
            Console.WriteLine();
            Console.WriteLine("Three Parley nodes, each its own process, store, log and keys:");
            for (var i = 0; i < Nodes.Length; i++)
                Console.WriteLine($"  {Nodes[i].Name,-40} {urls[i],-24} users: {string.Join(", ", Nodes[i].Users.Select(u => u.User))}");
            Console.WriteLine($"Password for every user: {DemoStory.Password}");
            Console.WriteLine($"The President's letter left the Executive Office and the Senate's courier carried it to Moscow. Its receipt waits for");
            Console.WriteLine($"clerk-ru at {new Uri(urls[2], $"/letters/{letter}")}: confirm it there, then see it delivered at {new Uri(urls[0], $"/letters/{letter}")}.");
            Console.WriteLine("Each node's /federation page shows its peers, how they witness each other, and the messages between them.");
            Console.WriteLine("The three nodes are ready. Press Ctrl+C to stop them.");
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            Stop(servers);
        }
    }

    /// <summary>A node's first run: the directory, its institution hosted here (its keys made here), its users. Nothing when it is set up.</summary>
    private static async Task<int> SetUpAsync(DemoNode node, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ParleyDb>();
        if (await db.HostedInstitutions.AnyAsync(ct))
            return 0;
        if (await db.Events.AnyAsync(ct))
            throw new DomainException(new DomainError("data", $"The store of the {node.Id} node holds other data; give the demo another --data folder.", ErrorKind.Conflict));
        var users = services.GetRequiredService<UserManager<Credential>>();
        var keys = services.GetRequiredService<InstitutionKeys>();
        var self = NodeKeys.Of(services);
        Require(await services.GetRequiredService<Recorder>().WriteAsync("demo", async (scope, c) =>
        {
            await PlanWriter.WriteAsync(scope, DemoDirectory.Plan(), null, c);
            foreach (var (user, name, role) in node.Users)
            {
                var created = await CreateAccount.HandleAsync(scope, users, new NewAccount(user, name, node.Institution, [role], DemoStory.Password), c);
                if (!created.Succeeded)
                    return created.Error!;
            }
            await scope.FlushAsync(c);
            return await HostInstitution.HandleAsync(scope, keys, self, node.Institution.ToString(), c);
        }, ct), $"setting up the {node.Id} node");
        Console.WriteLine($"Set up the {node.Id} node: it hosts {node.Name}.");
        return 0;
    }

    /// <summary>Makes the node at <paramref name="url"/> a peer, with the log key it serves (the demo exchanges the keys operators would give each other).</summary>
    private static async Task<int> PeerAsync(IServiceProvider services, Uri url, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var logKey = NoteVerifier.Parse((await http.GetStringAsync(new Uri(url, "/ledger/key"), ct)).Trim());
        if (await services.GetRequiredService<ParleyDb>().Peers.AnyAsync(p => p.Origin == logKey.Name, ct))
            return 0;
        var description = Require(await AddPeer.FetchAsync(http, url, ct), $"reading the node at {url}");
        var proven = Require(NodeDescriptions.Check(description, logKey), $"checking the node at {url}");
        var self = NodeKeys.Of(services);
        Require(await services.GetRequiredService<Recorder>().WriteAsync("demo", (scope, c) => AddPeer.HandleAsync(scope, self, proven, logKey, url.ToString(), c), ct),
            $"adding the node at {url} as a peer");
        return 0;
    }

    /// <summary>
    /// The letter, split across the nodes as it travelled: registered and handed to Sen. Paul at the Executive Office,
    /// confirmed and carried on to Moscow at the Senate. The Russian clerk's confirmation is left for the user.
    /// </summary>
    private static async Task<Guid> StoryAsync(StoreSettings[] stores, CancellationToken ct)
    {
        var (usOffice, senate) = (Actor.Of("demo", KnownInstitutions.UsPresident), Actor.Of("demo", KnownInstitutions.UsSenate));
        var letter = Guid.Empty;
        await WithStoreAsync(stores[0], async (services, c) =>
        {
            letter = await services.GetRequiredService<ParleyDb>().Letters.OrderBy(l => l.Id).Select(l => l.Id).FirstOrDefaultAsync(c);
            if (letter != Guid.Empty)
                return 0;
            var keys = services.GetRequiredService<InstitutionKeys>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            letter = Require(await services.GetRequiredService<Recorder>().WriteAsync("demo", async (scope, w) =>
            {
                var registered = await RegisterLetter.HandleAsync(scope, keys, usOffice, new RegisterLetterInput(LetterDirection.Outgoing, new DateOnly(2018, 8, 3),
                    KnownInstitutions.UsPresident, Trump, DemoDirectory.RuPresidentialAdministration, Putin,
                    "Letter from President Trump to President Putin", ["countering terrorism", "legislative dialogue", "cultural exchanges"], null, "en", null, null), w);
                if (!registered.Succeeded)
                    return registered;
                var route = await PlanRoute.HandleAsync(scope, usOffice, registered.Value,
                    [new LegPlan(KnownInstitutions.UsSenate, Paul, 48), new LegPlan(DemoDirectory.RuPresidentialAdministration, null, 72)], w);
                if (!route.Succeeded)
                    return route;
                var handed = await HandOver.HandleAsync(scope, keys, usOffice, registered.Value,
                    new HandoverInput(KnownInstitutions.UsSenate, Paul, null, Utc(3, 20), "Washington", true, "Handed to Sen. Rand Paul for his trip (time assumed)."), now, null, w);
                return handed.Succeeded ? registered : handed;
            }, c), "registering the letter at the Executive Office");
            return 0;
        }, ct);
        await WithStoreAsync(stores[1], async (services, c) =>
        {
            var db = services.GetRequiredService<ParleyDb>();
            await UntilAsync(() => db.Handovers.AnyAsync(h => h.LetterId == letter, c), "the letter to reach the Senate's node", c);
            if (await db.Handovers.CountAsync(h => h.LetterId == letter, c) > 1)
                return 0;
            var keys = services.GetRequiredService<InstitutionKeys>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var first = await db.Handovers.Where(h => h.LetterId == letter).Select(h => h.Id).FirstAsync(c);
            Require(await services.GetRequiredService<Recorder>().WriteAsync("demo", async (scope, w) =>
            {
                var carried = await AnswerHandover.HandleAsync(scope, keys, senate, letter, first, true, true, null, Utc(3, 21), null, w);
                if (!carried.Succeeded)
                    return carried;
                return await HandOver.HandleAsync(scope, keys, senate, letter,
                    new HandoverInput(DemoDirectory.RuPresidentialAdministration, null, Paul, Utc(5, 12), "Moscow", true,
                        "Delivered to the Presidential Administration during the weekend visit (time assumed)."), now, null, w);
            }, c), "carrying the letter at the Senate");
            return 0;
        }, ct);
        await WithStoreAsync(stores[2], async (services, c) =>
        {
            var db = services.GetRequiredService<ParleyDb>();
            await UntilAsync(() => db.Handovers.AnyAsync(h => h.LetterId == letter && h.FromInstitution == KnownInstitutions.UsSenate, c), "the courier's hand-over to reach the Russian node", c);
            return 0;
        }, ct);
        return letter;
    }

    private static DateTime Utc(int day, int hour) => new(2018, 8, day, hour, 0, 0, DateTimeKind.Utc);

    private static async Task UntilAsync(Func<Task<bool>> done, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new DomainException(new DomainError("federation", $"Waited {Patience.TotalMinutes:0} minutes for {what}; see the nodes' output above."));
            await Task.Delay(250, ct);
        }
    }

    private static async Task<int> WithStoreAsync(StoreSettings store, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole()).AddParley(store);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.OpenStoreAsync(ct);
        return await work(scope.ServiceProvider, ct);
    }

    /// <summary>Starts `parley serve` for a node, as this same program, its output prefixed with the node's id.</summary>
    private static Process Serve(DemoNode node, StoreSettings store, Uri url)
    {
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Run as `dotnet parley.dll`, the child needs the program's assembly too.
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
            info.ArgumentList.Add(typeof(FederationDemo).Assembly.Location);
        foreach (var arg in new[] { "serve", "--data", store.DataDirectory, "--secret-file", DemoSecret.PathOf(Path.Combine("demo-federation", node.Id + "-secret")), "--urls", url.ToString().TrimEnd('/') })
            info.ArgumentList.Add(arg);
        // A peer that is not yet peered back answers add-checkpoint 404: try it again within seconds, not a minute.
        info.Environment["PARLEY_WITNESS_BACKOFF_MAX_MS"] = "5000";
        info.Environment["PARLEY_PEER_SYNC_MS"] = "15000";
        var process = Process.Start(info) ?? throw new InvalidOperationException($"The {node.Id} node did not start.");
        process.OutputDataReceived += (_, e) => Print(node, e.Data);
        process.ErrorDataReceived += (_, e) => Print(node, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Print(DemoNode node, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
            Console.WriteLine($"[{node.Id}] {line}");
    }

    private static async Task ReadyAsync(DemoNode node, Process server, Uri url, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await UntilAsync(async () =>
        {
            if (server.HasExited)
                throw new DomainException(new DomainError("federation", $"The {node.Id} node stopped (exit code {server.ExitCode}); is port {url.Port} taken?"));
            try
            {
                return (await http.GetAsync(new Uri(url, "/health"), ct)).IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return false;
            }
        }, $"the {node.Id} node to answer at {url}", ct);
    }

    /// <summary>Stops the nodes together: each asked to stop (SIGTERM) at once, and ended after a few seconds if it has not.</summary>
    private static void Stop(List<Process> servers)
    {
        // Process.Kill sends SIGKILL; a node asked to stop with SIGTERM closes its store cleanly.
        foreach (var server in servers.Where(s => !s.HasExited))
        {
            using var term = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            term.WaitForExit();
        }
        var deadline = DateTime.UtcNow.AddSeconds(5);
        foreach (var server in servers)
        {
            var left = deadline - DateTime.UtcNow;
            if (!server.WaitForExit(left > TimeSpan.Zero ? left : TimeSpan.Zero))
                server.Kill(entireProcessTree: true);
            server.Dispose();
        }
        Console.WriteLine("Stopped the three nodes.");
    }

    private static T Require<T>(Result<T> result, string doing) =>
        result.Succeeded ? result.Value! : throw new DomainException(new DomainError(result.Error!.Field, $"{doing}: {result.Error.Message}", result.Error.Kind));
}
