using System.Net;
using Parley.Access;
using Parley.Ledger;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

/// <summary>
/// A proof a user keeps: the C2SP tlog-proof file of an entry, with the witness's cosignature on its checkpoint,
/// checked offline by the real `parley verify-proof` (src/Parley.Ledger alone, no store); it fails with a flipped
/// byte, a wrong log key, or a missing cosignature the verifier requires.
/// </summary>
public sealed class TlogProofTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tlog_proof_file_verifies_offline_and_fails_when_anything_is_off(string provider)
    {
        var secret = ParleyServer.SecretFile();
        await using var server = await ParleyServer.StartAsync((await ParleyServer.NewStoreAsync(provider)) with { Secret = KeySecret.FromFile(secret, "test") });
        using var witness = NoteSigner.Generate("witness.example/tp");
        await server.WriteAsync(async s =>
        {
            await s.RecordAsync(new WitnessAdded(witness.Name, witness.Verifier.VerifierKey), default);
            return Result<int>.Ok(0);
        });
        await server.AddInstitutionAsync("Committee on Kept Proofs");
        using var anonymous = await server.ClientAsync(null);
        var note = SignedNote.Parse(await anonymous.GetStringAsync("/ledger/checkpoint"));
        var cosigned = await anonymous.PostAsync("/ledger/cosignature", new StringContent((note with { Signatures = [.. note.Signatures, witness.Sign(note.Text)] }).ToString()));
        Assert.Equal(HttpStatusCode.OK, cosigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/ledger/tlog-proof/1")).StatusCode);

        using var staff = await server.ClientAsync(Role.Staff);
        var response = await staff.GetAsync("/ledger/tlog-proof/1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("c2sp.org/tlog-proof@v1\nextra ", text);
        Assert.Contains($"— {witness.Name} ", text);
        var directory = Path.Combine(Path.GetTempPath(), "parley-proof-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "entry.tlog-proof");
        await File.WriteAllTextAsync(file, text);

        var install = ParleyProcess.Install("tp");
        var logKey = (await anonymous.GetStringAsync("/ledger/key")).Trim();
        var (code, output) = await ParleyProcess.RunAsync(install, ["verify-proof", file, "--key", logKey, "--witness", witness.Verifier.VerifierKey]);
        Assert.True(code == 0, output);
        Assert.Contains($"cosigned by {witness.Name}", output);

        // One byte of the entry changed: the leaf no longer fits the proof.
        var lines = text.Split('\n');
        var entry = Convert.FromBase64String(lines[1][6..]);
        entry[^1] ^= 1;
        var flipped = Path.Combine(directory, "flipped.tlog-proof");
        await File.WriteAllTextAsync(flipped, string.Join('\n', [lines[0], "extra " + Convert.ToBase64String(entry), .. lines[2..]]));
        (code, output) = await ParleyProcess.RunAsync(install, ["verify-proof", flipped, "--key", logKey]);
        Assert.Equal(2, code);
        Assert.Contains("inclusion proof", output);

        using var impostor = NoteSigner.Generate(NoteVerifier.Parse(logKey).Name);
        (code, output) = await ParleyProcess.RunAsync(install, ["verify-proof", file, "--key", impostor.Verifier.VerifierKey]);
        Assert.Equal(2, code);

        using var absent = NoteSigner.Generate("witness.example/absent");
        (code, output) = await ParleyProcess.RunAsync(install, ["verify-proof", file, "--key", logKey, "--witness", absent.Verifier.VerifierKey]);
        Assert.Equal(2, code);
        Assert.Contains("lacks a valid cosignature by the witness witness.example/absent", output);

        // `parley export proof` writes the same file from the store, with no web server in between.
        string[] store = ["--data", server.Store.DataDirectory, "--secret-file", secret, .. server.Store.IsPostgres ? new[] { "--database", server.Store.PostgresConnection! } : []];
        var exported = Path.Combine(directory, "exported.tlog-proof");
        (code, output) = await ParleyProcess.RunAsync(install, ["export", "proof", "1", exported, .. store]);
        Assert.True(code == 0, output);
        Assert.Equal(text, await File.ReadAllTextAsync(exported));
        (code, output) = await ParleyProcess.RunAsync(install, ["verify-proof", exported, "--key", logKey, "--witness", witness.Verifier.VerifierKey]);
        Assert.True(code == 0, output);
        (code, output) = await ParleyProcess.RunAsync(install, ["export", "proof", "999999", exported, .. store]);
        Assert.Equal(1, code);
        Assert.Contains("INDEX: The log holds no entry 999999", output);
    }
}
