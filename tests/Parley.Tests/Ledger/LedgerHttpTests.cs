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
        var canonical = Convert.FromBase64String(leaf.GetProperty("event_data").GetString()!);
        Assert.Equal(0, CanonicalEvent.Decode(canonical).Sequence);
        // A new store's leaves commit to the salted event by its digest, so the leaf data reveals nothing of it.
        Assert.Equal(2, leaf.GetProperty("leaf_format").GetInt32());
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(canonical), Convert.FromBase64String(leaf.GetProperty("leaf_data").GetString()!));

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
        // A note with only the witness's line is not a checkpoint of this log.
        var unsigned = await client.PostAsync("/ledger/cosignature", new StringContent((note with { Signatures = [witness.Sign(note.Text)] }).ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Contains("does not carry this log's signature", await unsigned.Content.ReadAsStringAsync());
        var accepted = await client.PostAsync("/ledger/cosignature", new StringContent((note with { Signatures = [.. note.Signatures, witness.Sign(note.Text)] }).ToString()));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var served = SignedNote.Parse(await client.GetStringAsync("/ledger/checkpoint"));
        var key = NoteVerifier.Parse(await client.GetStringAsync("/ledger/key"));
        Assert.Equal(2, served.Verify([key, witness.Verifier]).Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cosignature_v1_is_verified_kept_with_its_checkpoint_and_served_on_it_after_the_log_grows(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        // A cosigner made here from the C2SP tlog-cosignature text: key id = SHA-256(name || "\n" || 0x04 || public key)[:4].
        const string name = "witness.example/w1";
        using var key = NSec.Cryptography.Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519);
        var publicKey = key.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey);
        var keyId = System.Security.Cryptography.SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(name), (byte)'\n', 0x04, .. publicKey])[..4];
        var vkey = $"{name}+{Convert.ToHexStringLower(keyId)}+{Convert.ToBase64String([0x04, .. publicKey])}";
        await server.WriteAsync(async s =>
        {
            await s.RecordAsync(new WitnessAdded(name, vkey), default);
            return Result<int>.Ok(0);
        });
        using var client = await server.ClientAsync(null);
        var served = await client.GetStringAsync("/ledger/checkpoint");
        var text = served[..(served.IndexOf("\n\n", StringComparison.Ordinal) + 1)];
        var size = long.Parse(text.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);

        byte[] Cosign(ulong time, string body)
        {
            var message = $"cosignature/v1\ntime {time}\n{body}";
            var stamp = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(stamp, time);
            return [.. keyId, .. stamp, .. NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(key, System.Text.Encoding.UTF8.GetBytes(message))];
        }
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        // A signature over another time than it states is refused; the right one is kept.
        var forged = Cosign(now, text);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(forged.AsSpan(4), now + 1);
        var refused = await client.PostAsync("/ledger/cosignature", new StringContent(served + $"— {name} {Convert.ToBase64String(forged)}\n"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var line = $"— {name} {Convert.ToBase64String(Cosign(now, text))}\n";
        var accepted = await client.PostAsync("/ledger/cosignature", new StringContent(served + line));
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());

        // The log grows; the checkpoint of that size is still served by its size, with the cosignature on it.
        await server.AddInstitutionAsync("Committee on Later Events");
        Assert.DoesNotContain(line, await client.GetStringAsync("/ledger/checkpoint"));
        var atSize = await client.GetStringAsync($"/ledger/checkpoint?size={size}");
        Assert.Equal(served + line, atSize);
        Assert.Equal(2, SignedNote.Parse(atSize).Verify([NoteVerifier.Parse(await client.GetStringAsync("/ledger/key")), NoteVerifier.Parse(vkey)]).Count);
        var never = await client.GetAsync($"/ledger/checkpoint?size={size + 1000}");
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
        Assert.Contains("\"field\":\"size\"", await never.Content.ReadAsStringAsync());
    }
}
