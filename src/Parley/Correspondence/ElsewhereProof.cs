using Parley.Ledger;

namespace Parley.Correspondence;

/// <summary>
/// A half of a hand-over as the log of the node that recorded it proves it: which log, which entry, and — once its
/// tlog-proof is here — the size of the checkpoint it is proved against, whether it holds (null: not proved yet), and the proof.
/// </summary>
public sealed record ElsewhereCheck(StepHalf Half, string Log, long Index, long? Size, bool? Valid, string? Fault, string? Proof = null);

/// <summary>The check, written once for the certificate (every time it is shown) and for the node that fetches the proof.</summary>
public static class ElsewhereProof
{
    /// <summary>
    /// Whether <paramref name="proof"/> proves <paramref name="canonical"/> — the bytes this node holds of that half — as
    /// entry <paramref name="index"/> of the log <paramref name="log"/>, under a checkpoint signed by <paramref name="logKey"/>.
    /// </summary>
    public static (long? Size, string? Fault) Check(string log, long index, byte[] canonical, string logKey, string proof)
    {
        NoteVerifier key;
        TlogProof parsed;
        try
        {
            key = NoteVerifier.Parse(logKey);
            parsed = TlogProof.Parse(proof);
        }
        catch (FormatException e)
        {
            return (null, $"The proof does not read: {e.Message}");
        }
        if (key.Name != log)
            return (null, $"The key {key.Name} is not the key of the log {log}.");
        if (parsed.Index != index)
            return (null, $"The proof is of entry {parsed.Index}, not {index}.");
        if (parsed.Extra is null || !parsed.Extra.AsSpan().SequenceEqual(canonical))
            return (null, $"The proof is of other bytes than the entry {index} this node holds.");
        if (parsed.Verify(key, []) is { } fault)
            return (null, fault);
        return (Checkpoint.Parse(SignedNote.Parse(parsed.Checkpoint).Text).Size, null);
    }

    /// <summary>What the certificate says of a half kept in <paramref name="entry"/>.</summary>
    public static ElsewhereCheck Of(StepHalf half, RemoteEntry entry)
    {
        if (entry.Proof is null || entry.LogKey is null)
            return new ElsewhereCheck(half, entry.Log, entry.Index, null, null, null);
        var (size, fault) = Check(entry.Log, entry.Index, entry.Canonical, entry.LogKey, entry.Proof);
        return new ElsewhereCheck(half, entry.Log, entry.Index, size, fault is null, fault, entry.Proof);
    }
}
