using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Ledger;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Proofs;

/// <summary>
/// An entry's inclusion proof as a person reads it: the leaf, the path to the root, the checkpoint it is checked
/// against, whether it verifies (and the checkpoint's signature and quorum), and how to check it without Parley.
/// Public, as the proof's JSON is: it shows hashes and the signed checkpoint, nothing of the entry's content.
/// </summary>
[AllowAnonymous]
public sealed class EntryModel(ParleyDb db, Checkpoints checkpoints, LogKey key, Witnessing witnessing) : ParleyPage
{
    public long Index { get; private set; }
    public long Size { get; private set; }
    public string LeafHash { get; private set; } = "";
    public IReadOnlyList<string> Path { get; private set; } = [];
    public string? Checkpoint { get; private set; }
    public string? Root { get; private set; }

    /// <summary>Null when it verifies; else what failed.</summary>
    public string? Failure { get; private set; }

    public bool SignedByLog { get; private set; }
    public bool? Witnessed { get; private set; }
    public string LogKeyText => key.VerifierKey;

    public async Task<IActionResult> OnGetAsync(long index, long? size, CancellationToken ct)
    {
        var current = await LedgerNodes.SizeAsync(db, ct);
        var against = size ?? current;
        if (index < 0 || index >= against || against > current)
            return NotFound();
        (Index, Size) = (index, against);
        var (leaf, proof) = await LedgerNodes.InclusionAsync(db, index, against, ct);
        LeafHash = Convert.ToBase64String(leaf);
        Path = proof.Select(Convert.ToBase64String).ToList();
        var tree = await SignedTree.AtAsync(checkpoints, key, against, current, ct);
        (Checkpoint, Failure, SignedByLog) = (tree.Note, tree.Problem, tree.Root is not null);
        if (tree.Root is { } root)
        {
            Root = Convert.ToBase64String(root);
            try
            {
                Ledger.Proofs.VerifyInclusion(index, against, leaf, proof, root);
                Witnessed = await witnessing.WitnessedAsync(tree.Note!, ct);
            }
            catch (ProofException e)
            {
                Failure = e.Message;
            }
        }
        return Page();
    }
}
