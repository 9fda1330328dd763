using System.Net.Http.Json;
using System.Text.Json;
using Parley.Ledger;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

/// <summary>
/// Two real `parley` processes: one a log whose C2SP tlog-policy names the other as its witness (with its URL and
/// cosignature/v1 key, quorum of that witness), the other witnessing for it. The log calls the witness until it
/// trusts the log, keeps calling while the witness is down and gets the cosignature when it comes back, and after a
/// restart learns where the witness stands from its 409; the proof API says the checkpoint meets the policy.
/// </summary>
public sealed class WitnessCallTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_log_calls_its_witness_through_refusal_downtime_and_its_own_restart(string provider)
    {
        var install = ParleyProcess.Install("wc");
        string[] Store(StoreSettings s, string secret) =>
            ["--data", s.DataDirectory, "--secret-file", secret, .. s.IsPostgres ? new[] { "--database", s.PostgresConnection! } : []];
        var (logStore, witnessStore) = (await ParleyServer.NewStoreAsync(provider), await ParleyServer.NewStoreAsync(provider));
        var (logSecret, witnessSecret) = (ParleyServer.SecretFile(), ParleyServer.SecretFile());
        var witnessPort = ParleyProcess.FreePort();
        // Every process started is stopped, whatever fails.
        var running = new List<ParleyProcess>();
        try
        {
            var witness = await ParleyProcess.ServeAsync(install, null, witnessPort, Store(witnessStore, witnessSecret));
            running.Add(witness);
            using var toWitness = new HttpClient { BaseAddress = witness.Address };
            var witnessKey = NoteVerifier.Parse(await toWitness.GetStringAsync("/ledger/witness-key"));

            var policy = Path.Combine(Path.GetTempPath(), "parley-policy-" + Guid.NewGuid().ToString("N")[..8]);
            await File.WriteAllTextAsync(policy, $"# the other node\nwitness other {witnessKey.VerifierKey} {witness.Address}\nquorum other\n");
            var quick = new Dictionary<string, string> { ["PARLEY_WITNESS_INTERVAL_MS"] = "300", ["PARLEY_WITNESS_BACKOFF_MAX_MS"] = "1500" };
            string[] logArgs = [.. Store(logStore, logSecret), "--witness-policy", policy];
            var log = await ParleyProcess.ServeAsync(install, quick, null, ["--demo", .. logArgs]);
            running.Add(log);
            using var fromLog = new HttpClient { BaseAddress = log.Address };
            var logKey = await fromLog.GetStringAsync("/ledger/key");

            // The witness does not know the log yet (404) and the log keeps trying; once trusted, it cosigns.
            var (trusted, said) = await ParleyProcess.RunAsync(install, ["witness", "trust", logKey.Trim(), .. Store(witnessStore, witnessSecret)]);
            Assert.True(trusted == 0, said);
            await CosignedAsync(fromLog, witnessKey, log);

            // The witness goes down; the log grows; the witness comes back on the same data and cosigns the new size.
            await witness.DisposeAsync();
            var token = (await ParleyProcess.RunAsync(install, ["token", "create", "admin", .. Store(logStore, logSecret)])).Output.Trim().Split('\n')[^1];
            await AddInstitutionAsync(fromLog, token, "Committee added while the witness was down");
            await Task.Delay(2000);
            Assert.DoesNotContain($"— {witnessKey.Name} ", await fromLog.GetStringAsync("/ledger/checkpoint"));
            witness = await ParleyProcess.ServeAsync(install, null, witnessPort, Store(witnessStore, witnessSecret));
            running.Add(witness);
            await CosignedAsync(fromLog, witnessKey, log);

            // The log restarts, knowing nothing of the witness: its first call says old 0, the 409 tells it where the witness stands.
            await log.DisposeAsync();
            log = await ParleyProcess.ServeAsync(install, quick, null, logArgs);
            running.Add(log);
            using var restarted = new HttpClient { BaseAddress = log.Address };
            await AddInstitutionAsync(restarted, token, "Committee added after the restart");
            var size = await CosignedAsync(restarted, witnessKey, log);

            var proof = JsonDocument.Parse(await restarted.GetStringAsync($"/ledger/proof/inclusion?index=0&size={size}")).RootElement;
            Assert.True(proof.GetProperty("witnessed").GetBoolean());
            Assert.Equal($"/ledger/checkpoint?size={size}", proof.GetProperty("checkpoint").GetString());

            // The log's record knows the policy's witness, so verify checks its cosignatures with the rest.
            await log.DisposeAsync();
            var (verified, report) = await ParleyProcess.RunAsync(install, ["verify", .. Store(logStore, logSecret)]);
            Assert.True(verified == 0, report);
        }
        finally
        {
            foreach (var process in running)
                await process.DisposeAsync();
        }
    }

    /// <summary>Waits until the log's current checkpoint carries a valid cosignature by the witness; returns its size.</summary>
    private static async Task<long> CosignedAsync(HttpClient log, NoteVerifier witness, ParleyProcess process)
    {
        var logKey = NoteVerifier.Parse(await log.GetStringAsync("/ledger/key"));
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var note = SignedNote.Parse(await log.GetStringAsync("/ledger/checkpoint"));
            if (note.Signatures.Any(s => s.Name == witness.Name) && note.Verify([logKey, witness]).Contains(witness))
                return Checkpoint.Parse(note.Text).Size;
            await Task.Delay(500);
        }
        throw new TimeoutException($"The witness never cosigned the log's checkpoint:\n{process.Output}");
    }

    private static async Task AddInstitutionAsync(HttpClient log, string token, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/institutions")
        {
            Content = JsonContent.Create(new { kind = "Committee", names = new[] { new { value = name, lang = "en" } } }),
        };
        request.Headers.Authorization = new("Bearer", token);
        var response = await log.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
