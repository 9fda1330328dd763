using Parley.Federation;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Tests.FederationSlice;

/// <summary>
/// The judgement a node makes as its peer's witness, on real Merkle trees: a checkpoint the peer serves must extend the
/// one this node cosigned, or the peer's history was rewritten, and how.
/// </summary>
public sealed class PeerHistoryTests
{
    private const string Origin = "parley.example/senate";
    private static readonly NoteSigner Log = NoteSigner.Generate(Origin);

    private static MemoryTree Tree(string history, int size)
    {
        var tree = new MemoryTree();
        for (var i = 0; i < size; i++)
            tree.Append(MerkleHash.Leaf(System.Text.Encoding.UTF8.GetBytes($"{history} {i}")));
        return tree;
    }

    private static ServedCheckpoint Served(MemoryTree tree, long size)
    {
        var note = new Checkpoint(Origin, size, tree.RootAt(size)).Sign(Log).ToString();
        return new ServedCheckpoint(note, Checkpoint.Parse(SignedNote.Parse(note).Text));
    }

    private static WitnessState Cosigned(MemoryTree tree, long size) =>
        new() { Origin = Origin, Size = size, Root = tree.RootAt(size), Note = Served(tree, size).Note };

    [Fact]
    public void A_log_that_extends_what_was_cosigned_holds_and_one_that_does_not_is_named_for_what_it_did()
    {
        var honest = Tree("honest", 40);
        var cosigned = Cosigned(honest, 24);
        Assert.Null(PeerHistory.Judge(Origin, null, Served(honest, 3), null));
        Assert.Null(PeerHistory.Judge(Origin, cosigned, Served(honest, 24), null));
        Assert.Null(PeerHistory.Judge(Origin, cosigned, Served(honest, 40), honest.ConsistencyProof(24, 40)));

        var rolledBack = PeerHistory.Judge(Origin, cosigned, Served(honest, 21), null);
        Assert.Equal(PeerFaultKind.RolledBack, rolledBack?.Kind);
        Assert.Contains("size 21, smaller than the checkpoint of size 24", rolledBack!.What);

        // The backup restored at 21, then other entries: another root at 24 is a split view, and past it a fork.
        var restored = Tree("honest", 21);
        foreach (var i in Enumerable.Range(0, 19))
            restored.Append(MerkleHash.Leaf(System.Text.Encoding.UTF8.GetBytes($"after the restore {i}")));
        var split = PeerHistory.Judge(Origin, cosigned, Served(restored, 24), null);
        Assert.Equal(PeerFaultKind.SplitView, split?.Kind);
        var fork = PeerHistory.Judge(Origin, cosigned, Served(restored, 40), restored.ConsistencyProof(24, 40));
        Assert.Equal(PeerFaultKind.Fork, fork?.Kind);
        Assert.Contains("does not extend the checkpoint of size 24", fork!.What);
        Assert.Equal(PeerFaultKind.Fork, PeerHistory.Judge(Origin, cosigned, Served(restored, 40), null)?.Kind);

        // The evidence is both signed checkpoints, the one cosigned and the one served.
        Assert.Contains(cosigned.Note, fork.Evidence);
        Assert.Contains(Served(restored, 40).Note, fork.Evidence);
    }
}
