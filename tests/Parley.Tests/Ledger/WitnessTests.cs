using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

/// <summary>
/// A Parley node as a C2SP tlog-witness for another node's log: add-checkpoint from size 0, a 409 that tells the
/// log where the witness stands, growth with the log's own consistency proof, and every refusal the spec names —
/// unknown origin, a signature not by the trusted key, an old size above the new, a proof that does not verify —
/// and a split view (another root for a size already cosigned), refused and kept as evidence.
/// </summary>
public sealed class WitnessTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_node_witnesses_another_nodes_log_as_the_witness_protocol_says(string provider)
    {
        await using var log = await ParleyServer.StartAsync(provider);
        await using var witness = await ParleyServer.StartAsync(provider);
        using var fromLog = await log.ClientAsync(null);
        using var toWitness = await witness.ClientAsync(null);
        var logKey = NoteVerifier.Parse(await fromLog.GetStringAsync("/ledger/key"));
        var witnessKey = NoteVerifier.Parse(await toWitness.GetStringAsync("/ledger/witness-key"));
        Assert.Equal(NoteVerifier.CosignatureV1Type, witnessKey.Type);

        await log.AddInstitutionAsync("Committee One");
        var first = await fromLog.GetStringAsync("/ledger/checkpoint");
        var unknown = await PostAsync(toWitness, $"old 0\n\n{first}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        await witness.WriteAsync(async s =>
        {
            await s.RecordAsync(new LogTrusted(logKey.Name, logKey.VerifierKey), default);
            return Result<int>.Ok(0);
        });
        var cosigned = await PostAsync(toWitness, $"old 0\n\n{first}");
        Assert.Equal(HttpStatusCode.OK, cosigned.StatusCode);
        var line = await cosigned.Content.ReadAsStringAsync();
        Assert.StartsWith($"— {witnessKey.Name} ", line);
        Assert.Equal(2, SignedNote.Parse(first + line).Verify([logKey, witnessKey]).Count);

        // The log grows; from 0 again the witness says where it stands.
        for (var i = 0; i < 5; i++)
            await log.AddInstitutionAsync($"Committee {i + 2}");
        var second = await fromLog.GetStringAsync("/ledger/checkpoint");
        var (oldSize, newSize) = (Size(first), Size(second));
        var behind = await PostAsync(toWitness, $"old 0\n\n{second}");
        Assert.Equal(HttpStatusCode.Conflict, behind.StatusCode);
        Assert.Equal("text/x.tlog.size", behind.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{oldSize}\n", await behind.Content.ReadAsStringAsync());

        var proof = JsonDocument.Parse(await fromLog.GetStringAsync($"/ledger/proof/consistency?from={oldSize}&to={newSize}"))
            .RootElement.GetProperty("proof").EnumerateArray().Select(p => p.GetString()!).ToList();
        var wrong = proof.Select((p, i) => i == 0 ? Convert.ToBase64String(new byte[32]) : p);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(toWitness, $"old {oldSize}\n{Lines(wrong)}\n{second}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(toWitness, $"old {newSize + 1}\n\n{second}")).StatusCode);
        using var stranger = NoteSigner.Generate(logKey.Name);
        var forged = new SignedNote(SignedNote.Parse(second).Text, [stranger.Sign(SignedNote.Parse(second).Text)]);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(toWitness, $"old {oldSize}\n{Lines(proof)}\n{forged}")).StatusCode);
        var grown = await PostAsync(toWitness, $"old {oldSize}\n{Lines(proof)}\n{second}");
        Assert.True(grown.StatusCode == HttpStatusCode.OK, await grown.Content.ReadAsStringAsync());
        Assert.Equal(2, SignedNote.Parse(second + await grown.Content.ReadAsStringAsync()).Verify([logKey, witnessKey]).Count);

        // A split view: the log's key signs another root for the size the witness cosigned. Refused, and kept.
        var signer = log.Services.GetRequiredService<LogKey>().Signer;
        var other = new Checkpoint(logKey.Name, newSize, new byte[32]).Sign(signer);
        var split = await PostAsync(toWitness, $"old {newSize}\n\n{other}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, split.StatusCode);
        Assert.Contains("Split view", await split.Content.ReadAsStringAsync());
        var evidence = await witness.InScopeAsync(s => s.GetRequiredService<ParleyDb>().SplitViews.AsNoTracking().SingleAsync());
        Assert.Equal((logKey.Name, newSize), (evidence.Origin, evidence.Size));
        Assert.Equal(other.ToString(), evidence.ConflictingNote);
        Assert.StartsWith(SignedNote.Parse(second).Text, evidence.CosignedNote);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        client.PostAsync("/add-checkpoint", new StringContent(body, Encoding.UTF8, "text/plain"));

    private static long Size(string note) => long.Parse(note.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static string Lines(IEnumerable<string> hashes) => string.Concat(hashes.Select(h => h + "\n"));
}
