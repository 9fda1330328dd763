using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Parley.Ledger;
using Parley.Record;
using Parley.Web;

namespace Parley.Pages.Proofs;

/// <summary>
/// The check a custody certificate's QR code leads to: the entries it names are in the log's tree of the size it was
/// issued against, under a checkpoint the log signed. Anyone may open it; it shows ledger indices, leaf hashes (to
/// compare with those printed on the paper) and the signed checkpoint — nothing the certificate does not show.
/// </summary>
[AllowAnonymous]
public sealed class EntriesModel(ParleyDb db, Checkpoints checkpoints, LogKey key, Witnessing witnessing) : ParleyPage
{
    public const int MaxEntries = 200;

    public sealed record Entry(long Index, string LeafHash, bool Included);

    public long Size { get; private set; }
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public string? Checkpoint { get; private set; }
    public bool SignedByLog { get; private set; }
    public bool? Witnessed { get; private set; }
    public string LogKeyText => key.VerifierKey;

    /// <summary>Why the check could not be made (no such checkpoint, a malformed list), or null.</summary>
    public string? Problem { get; private set; }

    public bool AllVerified => Problem is null && SignedByLog && Entries.Count > 0 && Entries.All(e => e.Included);

    public static string Link(long size, IEnumerable<long> entries) => $"/proofs?size={size}&entries={string.Join(',', entries)}";

    public async Task<IActionResult> OnGetAsync(long? size, string? entries, CancellationToken ct)
    {
        var current = await LedgerNodes.SizeAsync(db, ct);
        Size = size ?? current;
        var indices = (entries ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => long.TryParse(e, out var i) ? i : -1).Distinct().ToList();
        if (indices.Count is 0 or > MaxEntries || indices.Any(i => i < 0 || i >= Size) || Size > current)
        {
            Problem = $"Give a tree size up to {current} and 1 to {MaxEntries} ledger indices below it, as the certificate's link does.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var tree = await SignedTree.AtAsync(checkpoints, key, Size, current, ct);
        (Checkpoint, Problem, SignedByLog) = (tree.Note, tree.Problem, tree.Root is not null);
        if (tree.Root is not { } root)
            return Page();
        Witnessed = await witnessing.WitnessedAsync(tree.Note!, ct);
        var checkedEntries = new List<Entry>();
        foreach (var index in indices.Order())
        {
            var (leaf, proof) = await LedgerNodes.InclusionAsync(db, index, Size, ct);
            var included = true;
            try
            {
                Ledger.Proofs.VerifyInclusion(index, Size, leaf, proof, root);
            }
            catch (ProofException)
            {
                included = false;
            }
            checkedEntries.Add(new Entry(index, Convert.ToBase64String(leaf), included));
        }
        Entries = checkedEntries;
        return Page();
    }
}
