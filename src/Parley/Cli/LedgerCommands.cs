using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Cli;

public static class LedgerCommands
{
    public static Command Verify()
    {
        var archive = new Option<string?>("--archive") { Description = "Verify an exported archive instead of the store (needs no database)" };
        var key = new Option<string?>("--key") { Description = "The log's verifier key to trust (default: the store's own key, or the archive's)" };
        var sinceLast = new Option<bool>("--since-last") { Description = "Only what was appended since the tree the last full verify proved (no projection replay)" };
        var command = new Command("verify", "Prove the record: tree, leaves, checkpoints, signatures, consistency, projections") { archive, key, sinceLast };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(archive) is { } file)
                return await VerifyArchiveAsync(file, result.GetValue(key), ct);
            return await CommandLine.WithStoreAsync(result, async (services, token) =>
            {
                var trusted = result.GetValue(key) is { } given ? NoteVerifier.Parse(given) : LogKey.ExistingVerifier(CommandLine.Store(result));
                if (trusted is null)
                    return CommandLine.Fail(new DomainError("key", $"The store has no log key yet (no {KeyVault.PathIn(CommandLine.Store(result))}); give the log's verifier key with --key."));
                var db = services.GetRequiredService<ParleyDb>();
                var incremental = result.GetValue(sinceLast) && await db.VerifiedTrees.AnyAsync(token);
                if (result.GetValue(sinceLast) && !incremental)
                    Console.Error.WriteLine("No full verify has been recorded yet; verifying everything.");
                var report = await LedgerVerification.RunAsync(db, trusted, new Progress<string>(m => Console.Error.WriteLine(m)), token, incremental);
                if (incremental && report.Divergence is null)
                {
                    Console.WriteLine($"Verified since the last full verify: {Count(report.Events, "new event")}, {Count(report.Checkpoints, "checkpoint")}; the new leaves and nodes, signatures and consistency hold (projections are replayed by a full verify).");
                    return 0;
                }
                var code = Report(report.Events, report.Checkpoints, report.Divergence);
                if (code == 0)
                    Console.WriteLine($"Time: tree, leaves and checkpoints {report.TreeTime.TotalSeconds:N1} s; projection replay {report.ProjectionTime.TotalSeconds:N1} s.");
                return code;
            }, ct);
        });
        return command;
    }

    /// <summary>`parley verify-proof FILE --key VKEY [--witness VKEY …]`: a C2SP tlog-proof, offline, with src/Parley.Ledger alone.</summary>
    public static Command VerifyProof()
    {
        var file = new Argument<string>("FILE") { Description = "A .tlog-proof file (from a record's page or /ledger/tlog-proof/INDEX)" };
        var key = new Option<string>("--key") { Description = "The log's verifier key to trust (name+keyid+base64key)", Required = true };
        var witnesses = new Option<string[]>("--witness") { Description = "A witness's verifier key whose cosignature the proof must carry (repeatable)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("verify-proof", "Check a tlog-proof offline: the entry, the log's signature, the witnesses' cosignatures, the inclusion proof") { file, key, witnesses };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
                return CommandLine.Fail(new DomainError("FILE", $"No such file: {path}."));
            TlogProof proof;
            NoteVerifier log;
            List<NoteVerifier> required;
            try
            {
                proof = TlogProof.Parse(File.ReadAllText(path));
                log = NoteVerifier.Parse(result.GetValue(key)!);
                required = (result.GetValue(witnesses) ?? []).Select(NoteVerifier.Parse).ToList();
            }
            catch (FormatException e)
            {
                return CommandLine.Fail(new DomainError("FILE", $"{path}: {e.Message}"));
            }
            if (proof.Verify(log, required) is { } fault)
            {
                Console.Error.WriteLine($"FAILED: {fault}");
                return 2;
            }
            Console.WriteLine($"Verified: entry {proof.Index} is in {log.Name}'s tree under a checkpoint signed by the log{(required.Count > 0 ? $" and cosigned by {string.Join(", ", required.Select(w => w.Name))}" : "")}.");
            return 0;
        });
        return command;
    }

    private static async Task<int> VerifyArchiveAsync(string file, string? key, CancellationToken ct)
    {
        if (!File.Exists(file))
            return CommandLine.Fail(new DomainError("archive", $"No such file: {file}."));
        await using var input = File.OpenRead(file);
        try
        {
            var report = await LedgerArchive.VerifyAsync(input, key, new Progress<long>(n => Console.Error.WriteLine($"checked {n:N0} entries")), ct);
            return Report(report.Entries, report.Checkpoints, report.Divergence, projections: false);
        }
        catch (Exception e) when (e is FormatException or System.IO.InvalidDataException or System.Text.Json.JsonException)
        {
            return CommandLine.Fail(new DomainError("archive", $"{file} is not a readable Parley archive: {e.Message}"));
        }
    }

    private static int Report(long events, int checkpoints, string? divergence, bool projections = true)
    {
        if (divergence is not null)
        {
            Console.Error.WriteLine($"FAILED: {divergence}");
            return 2;
        }
        Console.WriteLine($"Verified: {Count(events, "event")}, {Count(checkpoints, "checkpoint")}; the tree, signatures, consistency{(projections ? " and projections" : "")} all hold.");
        return 0;
    }

    public static Command Export()
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the archive (a zip)" };
        var command = new Command("export", "Write a self-contained archive of the ledger (entries, checkpoints, keys); `parley export popolo` exports the directory") { file };
        command.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            // Written beside the target and moved into place, so a failed export leaves no broken archive.
            var target = Path.GetFullPath(result.GetValue(file)!);
            var partial = target + ".partial";
            (long, int) written;
            await using (var output = File.Create(partial))
            {
                written = await LedgerExport.WriteArchiveAsync(services.GetRequiredService<ParleyDb>(),
                    services.GetRequiredService<Checkpoints>(), services.GetRequiredService<LogKey>(), output, token);
            }
            File.Move(partial, target, overwrite: true);
            var (entries, checkpoints) = written;
            Console.WriteLine($"Wrote {Count(entries, "entry", "entries")} and {Count(checkpoints, "checkpoint")} to {result.GetValue(file)}.");
            return 0;
        }, ct));
        command.Subcommands.Add(ExportProof());
        return command;
    }

    /// <summary>`parley export proof INDEX [FILE]`: the tlog-proof file a record's page offers, for `parley verify-proof` anywhere.</summary>
    private static Command ExportProof()
    {
        var index = new Argument<long>("INDEX") { Description = "The entry's index in the log (its event's sequence number, shown in a record's history)" };
        var file = new Argument<string?>("FILE") { Description = "Where to write it (default: parley-entry-INDEX.tlog-proof here)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("proof", "Write the C2SP tlog-proof of one entry: the event, its inclusion proof, the cosigned checkpoint") { index, file };
        command.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var at = result.GetValue(index);
            var built = await EntryProof.BuildAsync(services.GetRequiredService<ParleyDb>(), services.GetRequiredService<Checkpoints>(), at, token);
            if (built is not { } found)
                return CommandLine.Fail(new DomainError("INDEX", $"The log holds no entry {at} (entries are numbered from 0).", ErrorKind.NotFound));
            var target = result.GetValue(file) ?? EntryProof.FileName(at);
            await File.WriteAllTextAsync(target, found.Proof.ToString(), token);
            Console.WriteLine($"Wrote the tlog-proof of entry {at} ({found.Stream}) to {target}; check it with `parley verify-proof {target} --key VKEY`.");
            return 0;
        }, ct));
        return command;
    }

    public static Command Witness()
    {
        var name = new Argument<string>("NAME");
        var vkey = new Argument<string>("VERIFIER-KEY") { Description = "The witness's key: name+keyid+base64key" };
        var add = new Command("add", "Accept cosignatures from this witness") { name, vkey };
        add.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            NoteVerifier key;
            try
            {
                key = NoteVerifier.Parse(result.GetValue(vkey)!);
            }
            catch (FormatException e)
            {
                return CommandLine.Fail(new DomainError("verifier-key", e.Message));
            }
            if (key.Name != result.GetValue(name))
                return CommandLine.Fail(new DomainError("name", $"The key is named {key.Name}, not {result.GetValue(name)}."));
            var outcome = await services.GetRequiredService<Recorder>().WriteAsync("cli", async (scope, c) =>
            {
                if (await scope.Db.Witnesses.AnyAsync(w => w.Name == key.Name, c))
                    return new DomainError("name", $"A witness named {key.Name} is already configured.", ErrorKind.Conflict);
                await scope.RecordAsync(new WitnessAdded(key.Name, key.VerifierKey), c);
                return Result<string>.Ok(key.Name);
            }, token);
            if (!outcome.Succeeded)
                return CommandLine.Fail(outcome.Error!);
            Console.WriteLine($"Added witness {key.Name}.");
            return 0;
        }, ct));
        var logKey = new Argument<string>("LOG-KEY") { Description = "The log's verifier key (name+keyid+base64key, type 0x01); its name is the log's origin" };
        var trust = new Command("trust", "Witness for this log: cosign its checkpoints posted to /add-checkpoint") { logKey };
        trust.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            NoteVerifier key;
            try
            {
                key = NoteVerifier.Parse(result.GetValue(logKey)!);
            }
            catch (FormatException e)
            {
                return CommandLine.Fail(new DomainError("log-key", e.Message));
            }
            if (key.Type != NoteVerifier.Ed25519Type)
                return CommandLine.Fail(new DomainError("log-key", "A log signs its checkpoints with an Ed25519 note key (type 0x01)."));
            var outcome = await services.GetRequiredService<Recorder>().WriteAsync("cli", async (scope, c) =>
            {
                if (await scope.Db.TrustedLogs.AnyAsync(t => t.Origin == key.Name, c))
                    return new DomainError("log-key", $"This node already witnesses for {key.Name}.", ErrorKind.Conflict);
                await scope.RecordAsync(new LogTrusted(key.Name, key.VerifierKey), c);
                return Result<string>.Ok(key.Name);
            }, token);
            if (!outcome.Succeeded)
                return CommandLine.Fail(outcome.Error!);
            Console.WriteLine($"This node now witnesses for {key.Name}.");
            return 0;
        }, ct));
        return new Command("witness", "Manage the witnesses that cosign checkpoints, and the logs this node witnesses for") { add, trust };
    }

    private static string Count(long n, string one, string? many = null) =>
        $"{n.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)} {(n == 1 ? one : many ?? one + "s")}";
}
