using System.Text.Json;

namespace Parley.Ledger.Tests;

public sealed class MerkleHashTests
{
    [Fact]
    public void Reproduces_the_rfc6962_hasher_vectors()
    {
        using var vectors = JsonDocument.Parse(File.ReadAllText(SharedFolder.Require("vectors/rfc6962_hasher.json")));
        var checkedCount = 0;
        foreach (var v in vectors.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var want = v.GetProperty("want_hex").GetString();
            byte[] got;
            if (v.TryGetProperty("leaf_input_hex", out var leaf))
                got = MerkleHash.Leaf(Convert.FromHexString(leaf.GetString()!));
            else if (v.TryGetProperty("left_hex", out var left))
                got = MerkleHash.Node(Convert.FromHexString(left.GetString()!), Convert.FromHexString(v.GetProperty("right_hex").GetString()!));
            else
                got = MerkleHash.Empty();
            Assert.Equal(want, Convert.ToHexStringLower(got));
            checkedCount++;
        }
        Assert.True(checkedCount >= 3, "the vector file should hold the empty, leaf and node cases");
    }

    [Fact]
    public void Leaf_and_node_hashes_are_domain_separated()
    {
        var data = new byte[64];
        Assert.NotEqual(MerkleHash.Leaf(data), MerkleHash.Node(data.AsSpan(0, 32), data.AsSpan(32)));
    }
}
