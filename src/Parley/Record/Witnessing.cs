using Parley.Ledger;

namespace Parley.Record;

/// <summary>A witness this node calls and requires: its key and where it takes add-checkpoint.</summary>
public sealed record CalledWitness(NoteVerifier Key, string Url);

/// <summary>
/// Witnesses a feature requires beyond the policy file (the federation's peers witness each other); read each time,
/// because a peer added while the node runs is required from then on.
/// </summary>
public interface IWitnessSource
{
    Task<IReadOnlyList<CalledWitness>> WitnessesAsync(ParleyDb db, CancellationToken ct);
}

/// <summary>
/// The node's witness policy as it stands: the policy file's quorum (when one was given) and every witness a source
/// requires. A checkpoint is witnessed when it meets both.
/// </summary>
public sealed class Witnessing(ParleyDb db, PolicyConfig config, IEnumerable<IWitnessSource> sources)
{
    /// <summary>The witnesses to call: the policy's with a URL and every required one, once each.</summary>
    public async Task<IReadOnlyList<CalledWitness>> ToCallAsync(CancellationToken ct)
    {
        var called = (config.Policy?.Witnesses.Values.AsEnumerable() ?? []).Where(w => w.Url is not null).Select(w => new CalledWitness(w.Key, w.Url!)).ToList();
        foreach (var required in await RequiredAsync(ct))
        {
            if (!called.Any(c => c.Key.Name == required.Key.Name))
                called.Add(required);
        }
        return called;
    }

    public async Task<IReadOnlyList<CalledWitness>> RequiredAsync(CancellationToken ct)
    {
        var required = new List<CalledWitness>();
        foreach (var source in sources)
            required.AddRange(await source.WitnessesAsync(db, ct));
        return required;
    }

    /// <summary>Whether a checkpoint note meets the policy and carries every required witness's cosignature; null when nothing is required.</summary>
    public async Task<bool?> WitnessedAsync(string note, CancellationToken ct)
    {
        var required = await RequiredAsync(ct);
        if (config.Policy is null && required.Count == 0)
            return null;
        var signed = SignedNote.Parse(note);
        return (config.Policy?.IsWitnessed(signed) ?? true) && required.All(w => Cosigned(signed, w.Key));
    }

    /// <summary>Whether <paramref name="note"/> carries a valid signature by <paramref name="key"/>.</summary>
    public static bool Cosigned(SignedNote note, NoteVerifier key) =>
        note.Signatures.Any(s => s.Name == key.Name && s.KeyId == key.KeyId && key.Verify(note.Text, s.Signature));
}
