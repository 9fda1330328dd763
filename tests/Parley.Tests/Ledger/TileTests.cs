using System.Net;
using System.Security.Cryptography;
using Parley.Directory;
using Parley.Ledger;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.LedgerSlice;

/// <summary>
/// The log read as a C2SP tlog-tiles client reads it, with a reader written here from the spec's text (not
/// Parley's tree code): the checkpoint at the prefix, level-0 tiles of leaf hashes, level-1 tiles whose hashes
/// are the Merkle tree hashes of the full tiles below, partial tiles of the widths the size implies, and the
/// root recomputed from the tiles alone.
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

        // Resources the spec does not define, or the tree does not hold, are not served.
        foreach (var missing in new[] { "0/002", "0/002.p/89", "1/000", "0/2", "0/x000/002", "64/000", "0/000.p/0", "0/000.p/256", "entries/000" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ledger/tile/{missing}")).StatusCode);
        Assert.Equal("tile/0/x001/x234/067", new TilePath(0, 1234067, null).ToString()); // the spec's own example
        Assert.Equal(new TilePath(3, 1234067, 7), TilePath.Parse("3/x001/x234/067.p/7"));
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
