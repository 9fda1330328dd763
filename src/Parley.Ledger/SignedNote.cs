using System.Buffers.Binary;

namespace Parley.Ledger;

/// <summary>One signature line of a note: "— name base64(keyid‖signature)".</summary>
public sealed record NoteSignature(string Name, uint KeyId, byte[] Signature)
{
    public string Line
    {
        get
        {
            var blob = new byte[4 + Signature.Length];
            BinaryPrimitives.WriteUInt32BigEndian(blob, KeyId);
            Signature.CopyTo(blob, 4);
            return $"— {Name} {Convert.ToBase64String(blob)}\n";
        }
    }
}

/// <summary>A C2SP signed note: text ending in a newline, a blank line, then one or more signature lines.</summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    public override string ToString() => Text + "\n" + string.Concat(Signatures.Select(s => s.Line));

    public static SignedNote Parse(string note)
    {
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
            throw new FormatException("A signed note is text, a blank line and signature lines, each ending in a newline.");
        var text = note[..(split + 1)];
        if (text.Contains('\r') || note.Any(c => c < 0x20 && c != '\n'))
            throw new FormatException("A signed note may not hold control characters other than newlines.");
        var signatures = new List<NoteSignature>();
        foreach (var line in note[(split + 2)..^1].Split('\n'))
        {
            if (!line.StartsWith("— ", StringComparison.Ordinal))
                throw new FormatException($"Not a signature line: '{line}'.");
            var parts = line[2..].Split(' ');
            if (parts.Length != 2 || !NoteFormat.IsValidName(parts[0]))
                throw new FormatException($"A signature line is '— name base64', not '{line}'.");
            byte[] blob;
            try
            {
                blob = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                throw new FormatException($"The signature of {parts[0]} is not base64.");
            }
            if (blob.Length < 5)
                throw new FormatException($"The signature of {parts[0]} is too short.");
            signatures.Add(new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]));
        }
        if (signatures.Count == 0)
            throw new FormatException("The note has no signatures.");
        return new SignedNote(text, signatures);
    }

    /// <summary>
    /// The signatures made by <paramref name="trusted"/> keys, each verified. Fails when a trusted key's
    /// signature does not verify, or when none of the trusted keys signed; unknown signers are ignored.
    /// </summary>
    public IReadOnlyList<NoteVerifier> Verify(IEnumerable<NoteVerifier> trusted)
    {
        var keys = trusted.ToList();
        var verified = new List<NoteVerifier>();
        foreach (var signature in Signatures)
        {
            var key = keys.FirstOrDefault(k => k.Name == signature.Name && k.KeyId == signature.KeyId);
            if (key is null)
                continue;
            if (!key.Verify(Text, signature.Signature))
                throw new FormatException($"The signature of {signature.Name} ({signature.KeyId:x8}) does not verify.");
            verified.Add(key);
        }
        return verified.Count > 0 ? verified : throw new FormatException("None of the trusted keys signed this note.");
    }
}

internal static class NoteFormat
{
    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c));
}

/// <summary>A C2SP tlog-checkpoint body: origin, tree size, base64 root hash, then optional extension lines.</summary>
public sealed record Checkpoint(string Origin, long Size, byte[] Root)
{
    public string Text => $"{Origin}\n{Size}\n{Convert.ToBase64String(Root)}\n";

    public static Checkpoint Parse(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[^1] != "")
            throw new FormatException("A checkpoint is three lines (origin, size, root), each ending in a newline.");
        if (lines[0].Length == 0)
            throw new FormatException("The checkpoint's origin is empty.");
        if (!long.TryParse(lines[1], System.Globalization.NumberStyles.None, null, out var size) || (lines[1].Length > 1 && lines[1][0] == '0'))
            throw new FormatException($"The checkpoint's size '{lines[1]}' is not a decimal number.");
        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException)
        {
            throw new FormatException("The checkpoint's root is not base64.");
        }
        if (root.Length != MerkleHash.Size)
            throw new FormatException($"The checkpoint's root is {root.Length} bytes, not {MerkleHash.Size}.");
        return new Checkpoint(lines[0], size, root);
    }

    /// <summary>Signs the checkpoint, giving the note text a server serves.</summary>
    public SignedNote Sign(NoteSigner signer) => new(Text, [signer.Sign(Text)]);
}
