using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Parley.Access;
using Parley.Ledger;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

public sealed class LedgerHttpTests
{
    private static List<byte[]> Hashes(JsonElement array) => array.EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!)).ToList();

    private static async Task<(Checkpoint Checkpoint, NoteVerifier Key)> CheckpointAsync(HttpClient client)
    {
        var key = NoteVerifier.Parse(await client.GetStringAsync("/ledger/key"));
        var note = SignedNote.Parse(await client.GetStringAsync("/ledger/checkpoint"));
        note.Verify([key]);
        return (Checkpoint.Parse(note.Text), key);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Anyone_can_check_that_every_event_is_in_the_signed_tree_and_the_tree_only_grew(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        using var client = await server.ClientAsync(null);
        for (var i = 0; i < 5; i++)
            await server.AddInstitutionAsync($"Early body {i}");
        var (early, key) = await CheckpointAsync(client);
        Assert.Equal(5, early.Size);
        for (var i = 0; i < 9; i++)
            await server.AddInstitutionAsync($"Later body {i}");
        var (late, _) = await CheckpointAsync(client);
        Assert.Equal(14, late.Size);
        Assert.Equal(key.Name, late.Origin);

        var leaves = Hashes(await client.GetFromJsonAsync<JsonElement>("/ledger/leaf-hashes?start=0&end=14"));
        Assert.Equal(14, leaves.Count);
        for (var index = 0; index < 14; index++)
        {
            var proof = await client.GetFromJsonAsync<JsonElement>($"/ledger/proof/inclusion?index={index}&size=14");
            Assert.Equal(leaves[index], Convert.FromBase64String(proof.GetProperty("leaf_hash").GetString()!));
            Proofs.VerifyInclusion(index, 14, leaves[index], Hashes(proof.GetProperty("proof")), late.Root);
        }
        var byHash = await client.GetFromJsonAsync<JsonElement>($"/ledger/proof/inclusion?leaf_hash={Uri.EscapeDataString(Convert.ToBase64String(leaves[3]))}&size=5");
        Assert.Equal(3, byHash.GetProperty("index").GetInt64());
        Proofs.VerifyInclusion(3, 5, leaves[3], Hashes(byHash.GetProperty("proof")), early.Root);

        var consistency = await client.GetFromJsonAsync<JsonElement>("/ledger/proof/consistency?from=5&to=14");
        Proofs.VerifyConsistency(5, 14, Hashes(consistency.GetProperty("proof")), early.Root, late.Root);
        Assert.Throws<ProofException>(() => Proofs.VerifyConsistency(5, 14, Hashes(consistency.GetProperty("proof")), late.Root, late.Root));
    }

    [Theory]
    [InlineData("sqlite", "/ledger/proof/inclusion?index=3&size=99", "size")]
    [InlineData("sqlite", "/ledger/proof/inclusion?index=7&size=3", "index")]
    [InlineData("sqlite", "/ledger/proof/inclusion?leaf_hash=not-base64!&size=3", "leaf_hash")]
    [InlineData("sqlite", "/ledger/proof/consistency?from=3&to=2", "from")]
    [InlineData("sqlite", "/ledger/leaf-hashes?start=2&end=1", "start")]
    [InlineData("postgres", "/ledger/proof/inclusion?index=3&size=99", "size")]
    [InlineData("postgres", "/ledger/proof/inclusion?index=7&size=3", "index")]
    [InlineData("postgres", "/ledger/proof/inclusion?leaf_hash=not-base64!&size=3", "leaf_hash")]
    [InlineData("postgres", "/ledger/proof/consistency?from=3&to=2", "from")]
    [InlineData("postgres", "/ledger/leaf-hashes?start=2&end=1", "start")]
    public async Task Out_of_range_proof_requests_are_refused_naming_the_parameter(string provider, string path, string field)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        for (var i = 0; i < 3; i++)
            await server.AddInstitutionAsync($"Body {i}");
        using var client = await server.ClientAsync(null);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Entries_show_contents_only_to_those_who_may_see_the_record(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        await server.AddInstitutionAsync("Committee on Visible Things");
        using var auditor = await server.ClientAsync(Role.Auditor);
        using var courier = await server.ClientAsync(Role.Courier);
        using var anonymous = await server.ClientAsync(null);
        var size = (await CheckpointAsync(anonymous)).Checkpoint.Size;

        var all = await auditor.GetFromJsonAsync<JsonElement>($"/ledger/entries?start=0&end={size}");
        Assert.Equal(size, all.GetArrayLength());
        Assert.Contains(all.EnumerateArray(), e => e.GetProperty("event").GetProperty("stream").GetString()!.StartsWith("account/", StringComparison.Ordinal));
        var leaf = all[0];
        Assert.Equal(0, CanonicalEvent.Decode(Convert.FromBase64String(leaf.GetProperty("leaf_data").GetString()!)).Sequence);

        var courierSees = await courier.GetFromJsonAsync<JsonElement>($"/ledger/entries?start=0&end={size}");
        Assert.Contains(courierSees.EnumerateArray(), e => e.GetProperty("event").GetProperty("stream").GetString()!.StartsWith("institution/", StringComparison.Ordinal));
        Assert.DoesNotContain(courierSees.EnumerateArray(), e => e.GetProperty("event").GetProperty("stream").GetString()!.StartsWith("account/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/ledger/entries?start=0&end={size}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_configured_witness_cosignature_is_kept_and_served_and_a_strangers_is_refused(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        using var witness = NoteSigner.Generate("witness.example");
        using var stranger = NoteSigner.Generate("stranger.example");
        await server.WriteAsync(async s =>
        {
            await s.RecordAsync(new WitnessAdded(witness.Name, witness.Verifier.VerifierKey), default);
            return Result<int>.Ok(0);
        });
        using var client = await server.ClientAsync(null);
        var note = SignedNote.Parse(await client.GetStringAsync("/ledger/checkpoint"));

        var refused = await client.PostAsync("/ledger/cosignature", new StringContent((note with { Signatures = [stranger.Sign(note.Text)] }).ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var accepted = await client.PostAsync("/ledger/cosignature", new StringContent((note with { Signatures = [witness.Sign(note.Text)] }).ToString()));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var served = SignedNote.Parse(await client.GetStringAsync("/ledger/checkpoint"));
        var key = NoteVerifier.Parse(await client.GetStringAsync("/ledger/key"));
        Assert.Equal(2, served.Verify([key, witness.Verifier]).Count);
    }
}
