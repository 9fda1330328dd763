using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Access;
using Parley.Correspondence;
using Parley.Directory;
using Parley.Record;

namespace Parley.Bench;

/// <summary>Custody steps in process: throughput and latency, and how a step's cost grows with the letter's history.</summary>
internal static class CustodyDrivers
{
    /// <summary>
    /// custody-steps [--provider sqlite|postgres] [--history 0,1000] [--steps 400] [--clients 1]: for each history length H,
    /// each client gets a letter already carried H times (recorded directly, to set the stage quickly), then makes --steps
    /// steps as users do: the giver's hand-over (signed by its institution), the receiver's confirmation (signed by
    /// theirs), and both signatures verified from the store. PostgreSQL needs $PARLEY_BENCH_POSTGRES.
    /// </summary>
    public static async Task<int> StepsAsync(string[] args)
    {
        var provider = Drivers.Arg(args, "--provider", "sqlite");
        var histories = Drivers.Arg(args, "--history", "0,1000").Split(',').Select(h => int.Parse(h, CultureInfo.InvariantCulture)).ToList();
        // Whole round trips, so each run starts and ends with office A holding the letter.
        var steps = int.Parse(Drivers.Arg(args, "--steps", "400"), CultureInfo.InvariantCulture) / 2 * 2;
        var clients = int.Parse(Drivers.Arg(args, "--clients", "1"), CultureInfo.InvariantCulture);
        var commands = new CommandLog();
        await using var services = await BenchStore.ServicesAsync(provider, logging => logging.AddProvider(commands));
        var a = await AddInstitutionAsync(services, "Office A");
        var b = await AddInstitutionAsync(services, "Office B");
        // Warm first, on a letter of its own: the JIT's later tiers and the connection pool, before anything is timed.
        await StepsOnAsync(services, a, b, await LetterWithHistoryAsync(services, a, b, 0), 1200);
        foreach (var history in histories)
        {
            var letters = new List<Guid>();
            for (var c = 0; c < clients; c++)
                letters.Add(await LetterWithHistoryAsync(services, a, b, history));
            var watch = Stopwatch.StartNew();
            // Each client on a thread of its own: SQLite's provider completes its "async" calls synchronously.
            var latencies = await Task.WhenAll(letters.Select(letter => Task.Run(() => StepsOnAsync(services, a, b, letter, steps))));
            var seconds = watch.Elapsed.TotalSeconds;
            var all = latencies.SelectMany(l => l).Order().ToList();
            if (args.Contains("--commands"))
            {
                // What one step asks of the database, as EF reports it.
                commands.Texts.Clear();
                commands.Recording = true;
                await StepsOnAsync(services, a, b, letters[0], 2);
                commands.Recording = false;
                Console.WriteLine($"  one round trip (2 steps) ran {commands.Texts.Count} commands:");
                foreach (var (text, count) in commands.Texts.GroupBy(t => t).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2))
                    Console.WriteLine($"    {count} × {text}");
            }
            Console.WriteLine($"{provider}, history {history,5} hand-overs, {clients} client(s): {all.Count / seconds,6:N0} steps/s, "
                + $"median {all[all.Count / 2]:N2} ms, p95 {all[(int)(all.Count * 0.95)]:N2} ms per step ({all.Count:N0} steps in {seconds:N1} s).");
        }
        return 0;
    }

    private static async Task<List<double>> StepsOnAsync(ServiceProvider services, Guid a, Guid b, Guid letter, int count)
    {
        var latencies = new List<double>(count);
        // The letter is with office A after a whole number of round trips.
        var forward = true;
        for (var i = 0; i < count; i++)
        {
            var (giver, receiver) = forward ? (a, b) : (b, a);
            forward = !forward;
            var start = Stopwatch.GetTimestamp();
            var handover = await WriteAsync(services, (s, keys, ct) => HandOver.HandleAsync(s, keys, Actor.Of("bench", giver), letter,
                new HandoverInput(receiver, null, null, null, null), DateTime.UtcNow, null, ct));
            await WriteAsync(services, (s, keys, ct) => AnswerHandover.HandleAsync(s, keys, Actor.Of("bench", receiver), letter, handover, true, true, null,
                DateTime.UtcNow, null, ct));
            if (!await VerifiedAsync(services, handover))
                throw new InvalidOperationException($"The signatures of hand-over {handover} do not verify.");
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return latencies;
    }

    private static async Task<bool> VerifiedAsync(ServiceProvider services, Guid handoverId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        var h = await db.Handovers.AsNoTracking().SingleAsync(x => x.Id == handoverId);
        var bytes = (await db.Events.AsNoTracking().SingleAsync(e => e.Sequence == h.RecordedIndex)).ToCanonical().Encode();
        var keys = await db.InstitutionKeys.AsNoTracking().Where(k => k.InstitutionId == h.FromInstitution || k.InstitutionId == h.ToInstitution)
            .ToDictionaryAsync(k => k.InstitutionId, k => k.SigningKey);
        return InstitutionKeys.Verify(keys[h.FromInstitution], bytes, h.GiverSignature!) && InstitutionKeys.Verify(keys[h.ToInstitution], bytes, h.ReceiverSignature!);
    }

    /// <summary>A letter from A to B already handed over and confirmed <paramref name="history"/> times, back and forth (even, so A holds it).</summary>
    private static async Task<Guid> LetterWithHistoryAsync(ServiceProvider services, Guid a, Guid b, int history)
    {
        var letter = await WriteAsync(services, (s, keys, ct) => RegisterLetter.HandleAsync(s, keys, Actor.Of("bench", a), new RegisterLetterInput(LetterDirection.Outgoing,
            new DateOnly(2018, 8, 1), a, null, b, null, "Benchmark letter", [], null, "en", null, null), ct));
        var at = new DateTime(2018, 8, 2, 0, 0, 0, DateTimeKind.Utc);
        history += history % 2;
        for (var done = 0; done < history; done += 200)
        {
            var start = done;
            await WriteAsync(services, async (s, _, ct) =>
            {
                for (var i = start; i < Math.Min(start + 200, history); i++)
                {
                    var (from, to) = i % 2 == 0 ? (a, b) : (b, a);
                    var handover = Guid.CreateVersion7();
                    await s.RecordAsync(new HandoverRecorded(letter, handover, from, null, to, null, at.AddMinutes(i), null, true, null), ct);
                    await s.RecordAsync(new HandoverSigned(letter, handover, from, true, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))), ct);
                    await s.RecordAsync(new HandoverSigned(letter, handover, to, false, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))), ct);
                    await s.RecordAsync(new HandoverConfirmed(letter, handover, at.AddMinutes(i), true), ct);
                }
                return Result<Guid>.Ok(letter);
            });
        }
        return letter;
    }

    private static Task<Guid> AddInstitutionAsync(ServiceProvider services, string name) => WriteAsync(services, (s, _, ct) =>
        RecordInstitution.HandleAsync(s, Guid.CreateVersion7(), new InstitutionInput(InstitutionKind.Other, null, null, [new NameEntry(name, "en")], []), ct));

    private static async Task<Guid> WriteAsync(ServiceProvider services, Func<WriteScope, InstitutionKeys, CancellationToken, Task<Result<Guid>>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<InstitutionKeys>();
        var result = await scope.ServiceProvider.GetRequiredService<Recorder>().WriteAsync("bench", (s, ct) => work(s, keys, ct));
        return result.Succeeded ? result.Value : throw new InvalidOperationException(result.Error!.Message);
    }
}

/// <summary>The SQL EF runs while <see cref="Recording"/> is on (its first 140 characters), from EF's command log.</summary>
internal sealed class CommandLog : ILoggerProvider, ILogger
{
    public bool Recording { get; set; }

    public List<string> Texts { get; } = [];

    public ILogger CreateLogger(string categoryName) => categoryName == DbLoggerCategory.Database.Command.Name ? this : NullLogger.Instance;

    // Always on: EF remembers for a while whether a logger was enabled.
    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (Recording && eventId.Id == RelationalEventId.CommandExecuted.Id && state is IReadOnlyList<KeyValuePair<string, object?>> fields
            && fields.FirstOrDefault(f => f.Key == "commandText").Value is string text)
        {
            var line = string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries));
            lock (Texts)
                Texts.Add(line[..Math.Min(140, line.Length)]);
        }
    }

    public void Dispose()
    {
    }
}
