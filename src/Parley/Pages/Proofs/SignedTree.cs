using Parley.Ledger;
using Parley.Record;

namespace Parley.Pages.Proofs;

/// <summary>
/// The checkpoint a proof page checks against: the note the log signed for the size (the current one for the current
/// size), its signature verified with the log's key, and the root it states; or why there is none to check against.
/// </summary>
public sealed record SignedTree(string? Note, byte[]? Root, string? Problem)
{
    public static async Task<SignedTree> AtAsync(Checkpoints checkpoints, LogKey key, long size, long current, CancellationToken ct)
    {
        var note = await checkpoints.AtSizeAsync(size, ct) ?? (size == current ? (await checkpoints.CurrentAsync(ct)).Note : null);
        if (note is null)
            return new SignedTree(null, null, $"The log signed no checkpoint of size {size}; open the proof against the current checkpoint.");
        try
        {
            var signed = SignedNote.Parse(note);
            signed.Verify([key.Signer.Verifier]);
            return new SignedTree(note, Ledger.Checkpoint.Parse(signed.Text).Root, null);
        }
        catch (FormatException e)
        {
            return new SignedTree(note, null, e.Message);
        }
    }
}
