using Microsoft.EntityFrameworkCore;
using Parley.Ledger;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// Peers witness each other: every peer whose witness key this node learned from the peer's log is a witness the
/// node calls (add-checkpoint at the peer's address) and one its policy requires.
/// </summary>
public sealed class PeerWitnesses : IWitnessSource
{
    public async Task<IReadOnlyList<CalledWitness>> WitnessesAsync(ParleyDb db, CancellationToken ct)
    {
        var peers = await db.Peers.AsNoTracking().Select(p => new { p.Origin, p.Url }).ToListAsync(ct);
        if (peers.Count == 0)
            return [];
        var names = peers.Select(p => WitnessName(p.Origin)).ToList();
        var keys = await db.Witnesses.AsNoTracking().Where(w => names.Contains(w.Name)).ToDictionaryAsync(w => w.Name, w => w.VerifierKey, ct);
        return [.. peers.Where(p => keys.ContainsKey(WitnessName(p.Origin)))
            .OrderBy(p => p.Origin, StringComparer.Ordinal)
            .Select(p => new CalledWitness(NoteVerifier.Parse(keys[WitnessName(p.Origin)]), p.Url))];
    }

    /// <summary>The name a node's witness key carries (<see cref="WitnessKey"/>): its log's origin and "/witness".</summary>
    public static string WitnessName(string origin) => origin + "/witness";
}
