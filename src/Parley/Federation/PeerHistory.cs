using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>A peer's history rewritten, with the two checkpoints that show it (both signed by the peer's log key).</summary>
public sealed record RewrittenHistory(PeerFaultKind Kind, string What, string Evidence);

/// <summary>
/// Peers witness each other, so each holds a checkpoint of the other's log it cosigned. A checkpoint the peer serves
/// later must extend that one: smaller is a rolled-back log (entries it published are gone), another root at the same
/// size is a split view, and a larger one that the peer cannot prove consistent is a fork. Both checkpoints are signed
/// by the peer's log key, so the pair is evidence anyone can check.
/// </summary>
public static class PeerHistory
{
    /// <summary>
    /// Judges <paramref name="served"/> against <paramref name="cosigned"/>; <paramref name="proof"/> is the peer's
    /// consistency proof from the cosigned size to the served one (needed only when the served log is larger; null when
    /// the peer gave none). Null when the history holds.
    /// </summary>
    public static RewrittenHistory? Judge(string origin, WitnessState? cosigned, ServedCheckpoint served, IReadOnlyList<byte[]>? proof)
    {
        if (cosigned is null)
            return null;
        var (was, now) = (cosigned.Size, served.Checkpoint.Size);
        var evidence = $"cosigned by this node:\n{cosigned.Note}\nserved by {origin}:\n{served.Note}";
        if (now < was)
            return new(PeerFaultKind.RolledBack, $"{origin} serves its log at size {now}, smaller than the checkpoint of size {was} this node cosigned: entries it published are gone.", evidence);
        if (now == was)
            return cosigned.Root.AsSpan().SequenceEqual(served.Checkpoint.Root) ? null
                : new(PeerFaultKind.SplitView, $"{origin} serves another root for size {now} than the one this node cosigned: it shows different histories to different readers.", evidence);
        if (proof is null)
            return new(PeerFaultKind.Fork, $"{origin} gives no consistency proof from the size {was} this node cosigned to its size {now}.", evidence);
        try
        {
            Proofs.VerifyConsistency(was, now, proof, cosigned.Root, served.Checkpoint.Root);
            return null;
        }
        catch (ProofException e)
        {
            return new(PeerFaultKind.Fork, $"{origin}'s log at size {now} does not extend the checkpoint of size {was} this node cosigned ({e.Message}): its history was rewritten.", evidence);
        }
    }
}
