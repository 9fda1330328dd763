namespace Parley.Ledger.Tests;

public sealed class ProofTests
{
    [Fact]
    public void All_transparency_dev_inclusion_probes_are_judged_as_the_reference_does()
    {
        var probes = Vectors.Load("probes_inclusion_hex.json").GetProperty("probes").EnumerateArray().ToList();
        Assert.Equal(98, probes.Count);
        var wrong = probes.Where(p =>
        {
            // Indices beyond 2^63 cannot be asked of a Parley log (its API takes signed 64-bit numbers), so they count as rejected.
            var rejected = !p.GetProperty("leafIdx").TryGetInt64(out var index) | !p.GetProperty("treeSize").TryGetInt64(out var size)
                || Rejects(() => Proofs.VerifyInclusion(index, size,
                Vectors.Hex(p.GetProperty("leafHash_hex")), Vectors.HexList(p.GetProperty("proof_hex")), Vectors.Hex(p.GetProperty("root_hex"))));
            return rejected != p.GetProperty("wantErr").GetBoolean();
        }).Select(p => p.GetProperty("file").GetString()).ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void All_transparency_dev_consistency_probes_are_judged_as_the_reference_does()
    {
        var probes = Vectors.Load("probes_consistency_hex.json").GetProperty("probes").EnumerateArray().ToList();
        Assert.Equal(98, probes.Count);
        var wrong = probes.Where(p =>
        {
            var rejected = Rejects(() => Proofs.VerifyConsistency(p.GetProperty("size1").GetInt64(), p.GetProperty("size2").GetInt64(),
                Vectors.HexList(p.GetProperty("proof_hex")), Vectors.Hex(p.GetProperty("root1_hex")), Vectors.Hex(p.GetProperty("root2_hex"))));
            return rejected != p.GetProperty("wantErr").GetBoolean();
        }).Select(p => p.GetProperty("file").GetString()).ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_rfc6962_reference_tree_and_proofs_are_reproduced()
    {
        var tree = Vectors.Load("rfc6962_reference_tree.json");
        var memory = new MemoryTree();
        var leaves = tree.GetProperty("leaf_inputs_hex").EnumerateArray().Select(Vectors.Hex).ToList();
        Assert.Equal(Vectors.Hex(tree.GetProperty("root_hashes_by_tree_size_hex").GetProperty("0")), memory.Root());
        for (var i = 0; i < leaves.Count; i++)
        {
            memory.Append(MerkleHash.Leaf(leaves[i]));
            Assert.Equal(Vectors.Hex(tree.GetProperty("leaf_hashes_hex")[i]), memory.Node(new NodeId(0, i)));
            Assert.Equal(Vectors.Hex(tree.GetProperty("root_hashes_by_tree_size_hex").GetProperty((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))), memory.Root());
        }
        var proofs = Vectors.Load("rfc6962_proofs.json");
        foreach (var p in proofs.GetProperty("inclusion_proofs").EnumerateArray())
        {
            var (index, size) = (p.GetProperty("leaf_index").GetInt64(), p.GetProperty("tree_size").GetInt64());
            Assert.Equal(Vectors.HexList(p.GetProperty("proof_hex")), memory.InclusionProof(index, size));
            Assert.Equal(Vectors.Hex(p.GetProperty("root_hex")), memory.RootAt(size));
        }
        foreach (var p in proofs.GetProperty("consistency_proofs").EnumerateArray())
        {
            var (from, to) = (p.GetProperty("size1").GetInt64(), p.GetProperty("size2").GetInt64());
            Assert.Equal(Vectors.HexList(p.GetProperty("proof_hex")), memory.ConsistencyProof(from, to));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(131)]
    public void Every_proof_of_a_random_tree_verifies_and_every_single_bit_change_fails(int seed)
    {
        var random = new Random(seed);
        var tree = new MemoryTree();
        var size = random.Next(1, 300);
        for (var i = 0; i < size; i++)
            tree.Append(MerkleHash.Leaf(BitConverter.GetBytes(random.NextInt64())));
        for (var n = 1; n <= size; n += random.Next(1, 9))
        {
            var root = tree.RootAt(n);
            var index = random.NextInt64(n);
            var leaf = tree.Node(new NodeId(0, index));
            var inclusion = tree.InclusionProof(index, n);
            Proofs.VerifyInclusion(index, n, leaf, inclusion, root);
            foreach (var mutated in Flips(inclusion, random))
                Assert.True(Rejects(() => Proofs.VerifyInclusion(index, n, leaf, mutated, root)));
            Assert.True(Rejects(() => Proofs.VerifyInclusion(index, n, Flip(leaf, random), inclusion, root)));

            var m = random.NextInt64(1, n + 1);
            var consistency = tree.ConsistencyProof(m, n);
            Proofs.VerifyConsistency(m, n, consistency, tree.RootAt(m), root);
            foreach (var mutated in Flips(consistency, random))
                Assert.True(Rejects(() => Proofs.VerifyConsistency(m, n, mutated, tree.RootAt(m), root)));
            Assert.True(Rejects(() => Proofs.VerifyConsistency(m, n, consistency, Flip(tree.RootAt(m), random), root)));
        }
    }

    private static IEnumerable<List<byte[]>> Flips(List<byte[]> proof, Random random) =>
        proof.Select((_, i) => proof.Select((h, j) => j == i ? Flip(h, random) : h).ToList());

    private static byte[] Flip(byte[] hash, Random random)
    {
        var copy = (byte[])hash.Clone();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static bool Rejects(Action verify)
    {
        try
        {
            verify();
            return false;
        }
        catch (ProofException)
        {
            return true;
        }
    }
}
