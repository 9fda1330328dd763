using System.Globalization;
using System.Text;

namespace Parley.Ledger;

/// <summary>
/// A C2SP tlog-proof (<c>c2sp.org/tlog-proof@v1</c>): an entry's index, its RFC 6962 inclusion proof and the
/// checkpoint (with cosignatures) it was proven against, self-contained and checkable offline. Parley puts the
/// entry's own bytes (the event's canonical bytes) in the <c>extra</c> line, so the proof carries its leaf.
/// </summary>
public sealed record TlogProof(byte[]? Extra, long Index, IReadOnlyList<byte[]> Proof, string Checkpoint)
{
    public const string Header = "c2sp.org/tlog-proof@v1";

    public override string ToString()
    {
        var text = new StringBuilder(Header).Append('\n');
        if (Extra is not null)
            text.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        text.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in Proof)
            text.Append(Convert.ToBase64String(hash)).Append('\n');
        return text.Append('\n').Append(Checkpoint).ToString();
    }

    public static TlogProof Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines[0] != Header)
            throw new FormatException($"line 1: a tlog proof starts with \"{Header}\".");
        var i = 1;
        byte[]? extra = null;
        if (lines.Length > i && lines[i].StartsWith("extra ", StringComparison.Ordinal))
            extra = Base64(lines[i++][6..], i);
        if (lines.Length <= i || !lines[i].StartsWith("index ", StringComparison.Ordinal) || TextFields.Decimal(lines[i][6..]) is not { } index)
            throw new FormatException($"line {i + 1}: expected \"index <decimal>\".");
        var proof = new List<byte[]>();
        for (i++; i < lines.Length && lines[i].Length > 0; i++)
        {
            var hash = Base64(lines[i], i + 1);
            if (hash.Length != 32)
                throw new FormatException($"line {i + 1}: a proof hash is 32 bytes.");
            proof.Add(hash);
        }
        if (i >= lines.Length)
            throw new FormatException("An empty line must separate the inclusion proof from the checkpoint.");
        return new TlogProof(extra, index, proof, string.Join('\n', lines[(i + 1)..]));
    }

    /// <summary>
    /// The spec's four steps: the leaf hash from the entry in <c>extra</c>; the checkpoint signed by the log key
    /// for its origin; the cosignatures of <paramref name="witnesses"/>, each required; the inclusion proof binding
    /// the leaf to the checkpoint's root. Returns what fails, or null when the proof holds.
    /// </summary>
    public string? Verify(NoteVerifier logKey, IReadOnlyList<NoteVerifier> witnesses)
    {
        if (Extra is null)
            return "The proof carries no entry (extra line), so its leaf hash cannot be computed.";
        SignedNote note;
        Checkpoint checkpoint;
        try
        {
            note = SignedNote.Parse(Checkpoint);
            checkpoint = Ledger.Checkpoint.Parse(note.Text);
        }
        catch (FormatException e)
        {
            return $"The checkpoint does not read: {e.Message}";
        }
        if (checkpoint.Origin != logKey.Name)
            return $"The checkpoint is of the log {checkpoint.Origin}, not {logKey.Name}.";
        IReadOnlyList<NoteVerifier> signed;
        try
        {
            signed = note.Verify([logKey, .. witnesses]);
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        if (!signed.Contains(logKey))
            return "The checkpoint is not signed by the log's key.";
        if (witnesses.FirstOrDefault(w => !signed.Contains(w)) is { } missing)
            return $"The checkpoint lacks a valid cosignature by the witness {missing.Name}.";
        try
        {
            // The file does not say which leaf format its log uses, so both are tried: each leaf commits to the same
            // canonical bytes (as themselves, or by their digest — 32 bytes, where canonical bytes are never that short).
            try
            {
                Proofs.VerifyInclusion(Index, checkpoint.Size, LeafData.LeafHash(LeafFormat.EventDigest, Extra), Proof, checkpoint.Root);
            }
            catch (ProofException)
            {
                Proofs.VerifyInclusion(Index, checkpoint.Size, LeafData.LeafHash(LeafFormat.CanonicalEvent, Extra), Proof, checkpoint.Root);
            }
        }
        catch (ProofException e)
        {
            return $"The inclusion proof of entry {Index} in the tree of size {checkpoint.Size} does not verify: {e.Message}";
        }
        return null;
    }

    private static byte[] Base64(string text, int line) => TextFields.Base64(text) ?? throw new FormatException($"line {line}: not base64.");
}
