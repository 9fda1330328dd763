using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Parley.Directory;
using Parley.Ledger;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

/// <summary>
/// The log read as a C2SP tlog-tiles client reads it, with a reader written here from the spec's text (not
/// Parley's tree code): the checkpoint at the prefix, level-0 tiles of leaf hashes, level-1 tiles whose hashes
/// are the Merkle tree hashes of the full tiles below, partial tiles of the widths the size implies, the root
/// recomputed from the tiles alone, and entry bundles whose entries hash to the level-0 tiles and reveal no contents.
/// </summary>
public sealed class TileTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_tile_reader_follows_the_log_and_recomputes_the_checkpoint_root(string provider)
    {
        await using var server = await ParleyServer.StartAsync(provider);
        // 600 events: two full level-0 tiles, a partial one of 88, and a partial level-1 tile of 2.
        await server.WriteAsync(async s =>
        {
            for (var i = 0; i < 600; i++)
                await RecordInstitution.HandleAsync(s, Guid.CreateVersion7(), new InstitutionInput(InstitutionKind.Committee, null, null, [new NameEntry($"Tile committee {i}", "en")], []), default);
            return Result<int>.Ok(0);
        });
        using var client = await server.ClientAsync(null);
        var checkpoint = await client.GetAsync("/ledger/checkpoint");
        Assert.Equal("public, max-age=2", checkpoint.Headers.CacheControl?.ToString());
        var lines = (await checkpoint.Content.ReadAsStringAsync()).Split('\n');
        var (size, root) = (long.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture), Convert.FromBase64String(lines[2]));
        Assert.Equal(600, size);

        // Level 0: floor(600 / 256) = 2 full tiles and floor(600) mod 256 = 88 in the partial one.
        var leaves = new List<byte[]>();
        for (var n = 0; n < 2; n++)
        {
            var full = await client.GetAsync($"/ledger/tile/0/{n:000}");
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
            Assert.Equal("application/octet-stream", full.Content.Headers.ContentType?.MediaType);
            Assert.Contains("immutable", full.Headers.CacheControl?.ToString());
            var bytes = await full.Content.ReadAsByteArrayAsync();
            Assert.Equal(8192, bytes.Length);
            leaves.AddRange(bytes.Chunk(32));
        }
        leaves.AddRange((await client.GetByteArrayAsync("/ledger/tile/0/002.p/88")).Chunk(32));
        Assert.Equal(600, leaves.Count);

        // Level 1: each hash is the Merkle tree hash of a full level-0 tile; floor(600 / 256) mod 256 = 2 of them.
        var level1 = (await client.GetByteArrayAsync("/ledger/tile/1/000.p/2")).Chunk(32).ToList();
        Assert.Equal(2, level1.Count);
        Assert.Equal(Mth(leaves[..256]), level1[0]);
        Assert.Equal(Mth(leaves[256..512]), level1[1]);

        // The root from the tiles alone is the checkpoint's.
        Assert.Equal(root, Mth(leaves));

        // Entry bundles: each entry a big-endian uint16 length and the leaf's data, whose leaf hash H(0x00 ‖ data) is the
        // level-0 tile's; in a new store the data is a salted event's SHA-256, so nothing of the events is in them.
        var entries = new List<byte[]>();
        foreach (var bundle in new[] { "entries/000", "entries/001", "entries/002.p/88" })
        {
            var response = await client.GetAsync($"/ledger/tile/{bundle}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(bundle.Contains(".p/", StringComparison.Ordinal) ? "public, max-age=60" : "public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.DoesNotContain("Tile committee", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
            for (var at = 0; at < bytes.Length;)
            {
                var length = (bytes[at] << 8) | bytes[at + 1];
                entries.Add(bytes[(at + 2)..(at + 2 + length)]);
                at += 2 + length;
            }
        }
        Assert.Equal(600, entries.Count);
        Assert.Equal(leaves, entries.Select(e => SHA256.HashData([0x00, .. e])).ToList());

        // Resources the spec does not define, or the tree does not hold, are not served.
        foreach (var missing in new[] { "0/002", "0/002.p/89", "1/000", "0/2", "0/x000/002", "64/000", "0/000.p/0", "0/000.p/256", "entries/002", "entries/002.p/89" })
            Assert.True((await client.GetAsync($"/ledger/tile/{missing}")).StatusCode == HttpStatusCode.NotFound, missing);
        Assert.Equal("tile/0/x001/x234/067", new TilePath(0, 1234067, null).ToString()); // the spec's own example
        Assert.Equal(new TilePath(3, 1234067, 7), TilePath.Parse("3/x001/x234/067.p/7"));

        // An entry is the SHA-256 of the event's canonical bytes, which only a signed-in reader allowed to see it gets.
        // (Signing the auditor in records events, so this comes after the fixed-size checks.)
        using var auditor = await server.ClientAsync(Parley.Access.Role.Auditor);
        var first = (await auditor.GetFromJsonAsync<System.Text.Json.JsonElement>("/ledger/entries?start=0&end=1"))[0];
        Assert.Equal(SHA256.HashData(Convert.FromBase64String(first.GetProperty("event_data").GetString()!)), entries[0]);
    }

    /// <summary>RFC 6962 §2.1 Merkle tree hash over leaf hashes (already H(0x00 ‖ entry)): split at the largest power of two below n.</summary>
    private static byte[] Mth(IReadOnlyList<byte[]> leaves)
    {
        if (leaves.Count == 1)
            return leaves[0];
        var k = 1;
        while (k * 2 < leaves.Count)
            k *= 2;
        return SHA256.HashData([0x01, .. Mth([.. leaves.Take(k)]), .. Mth([.. leaves.Skip(k)])]);
    }
}
