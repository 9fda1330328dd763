using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;

namespace Parley.Federation;

public sealed record HostedView(Guid Id, string Name, long Index);

public sealed record LearnedView(Guid Id, string Name, long Index, int KeyChanges, DateTime LearnedAt);

public sealed record OutboxView(int Waiting, int Delivered, int Refused, DateTime? NextAttemptAt, string? LastError);

/// <summary>
/// How a peer and this node witness each other: whether it publishes a witness key (this node's policy then requires its
/// cosignature), the largest of this node's checkpoints it cosigned, the size of its log this node last cosigned, and
/// the latest rewrite of its history this node detected (null while its history holds).
/// </summary>
public sealed record WitnessingView(bool Witness, long? CosignedHere, long? CosignedThere, PeerFaultKind? Rewritten, string? RewrittenWhat);

public sealed record PeerView(string Origin, string Url, string LogKey, DateTime AddedAt, IReadOnlyList<LearnedView> Institutions, OutboxView Outbox, int Received,
    WitnessingView Witnessing);

public sealed record RefusedView(DateTime At, string? Peer, string Reason);

public sealed record FaultView(DateTime At, string Peer, PeerFaultKind Kind, string What, string? Evidence);

/// <summary>This node as its peers see it, and each peer as this node knows it: the federation page and <c>GET /api/federation</c>.</summary>
public sealed record FederationStatus(string Origin, string LogKey, string? NodeKey, string? WitnessKey, long Size, IReadOnlyList<HostedView> Hosted, IReadOnlyList<PeerView> Peers,
    IReadOnlyList<RefusedView> Refused, IReadOnlyList<FaultView> Faults)
{
    public static async Task<FederationStatus> LoadAsync(ParleyDb db, LogKey log, CancellationToken ct, string? lang = null)
    {
        var identity = await db.NodeIdentity.AsNoTracking().Where(n => n.Id == 1).FirstOrDefaultAsync(ct);
        var hosted = await db.HostedInstitutions.AsNoTracking().OrderBy(h => h.Index).ToListAsync(ct);
        var remote = await db.RemoteInstitutions.AsNoTracking().ToListAsync(ct);
        var names = await DirectoryNames.NamesAsync(db, hosted.Select(h => h.InstitutionId).Concat(remote.Select(r => r.InstitutionId)), ct, lang);
        string Name(Guid id) => names.GetValueOrDefault(id, id.ToString());
        var outbox = await db.FederationOutbox.AsNoTracking().GroupBy(m => m.Peer).Select(g => new
        {
            Peer = g.Key,
            Waiting = g.Count(m => m.DeliveredAt == null),
            Delivered = g.Count(m => m.DeliveredAt != null && !m.Refused),
            Refused = g.Count(m => m.Refused),
        }).ToListAsync(ct);
        var received = await db.ReceivedMessages.AsNoTracking().GroupBy(m => m.Peer).Select(g => new { Peer = g.Key, Count = g.Count() }).ToListAsync(ct);
        var known = await db.Peers.AsNoTracking().OrderBy(p => p.Origin).ToListAsync(ct);
        var origins = known.Select(p => p.Origin).ToList();
        var witnessNames = origins.Select(PeerWitnesses.WitnessName).ToList();
        var witnesses = (await db.Witnesses.AsNoTracking().Where(w => witnessNames.Contains(w.Name)).Select(w => w.Name).ToListAsync(ct)).ToHashSet();
        var cosignedHere = await db.Cosignatures.AsNoTracking().Where(c => witnessNames.Contains(c.Witness)).GroupBy(c => c.Witness)
            .Select(g => new { Witness = g.Key, Size = g.Max(c => c.Size) }).ToDictionaryAsync(c => c.Witness, c => c.Size, ct);
        var cosignedThere = await db.WitnessStates.AsNoTracking().Where(w => origins.Contains(w.Origin)).ToDictionaryAsync(w => w.Origin, w => w.Size, ct);
        // Kept evidence of a rewritten history, from reading a peer and from its own add-checkpoint calls, newest first.
        var rewrites = (await db.PeerFaults.AsNoTracking().Where(f => f.Kind != PeerFaultKind.Proof).OrderByDescending(f => f.At).Take(50).ToListAsync(ct))
            .Select(f => new FaultView(f.At, f.Peer, f.Kind, f.What, f.Evidence))
            .Concat((await db.SplitViews.AsNoTracking().Where(v => origins.Contains(v.Origin)).OrderByDescending(v => v.ReceivedAt).Take(50).ToListAsync(ct))
                .Select(v => new FaultView(v.ReceivedAt, v.Origin, PeerFaultKind.SplitView,
                    $"{v.Origin} asked this node to cosign another root for size {v.Size} than the one this node cosigned: it shows different histories to different readers.",
                    $"cosigned by this node:\n{v.CosignedNote}\nsubmitted by {v.Origin}:\n{v.ConflictingNote}")))
            .OrderByDescending(f => f.At).ToList();
        var peers = new List<PeerView>();
        foreach (var peer in known)
        {
            var next = await db.FederationOutbox.AsNoTracking().Where(m => m.Peer == peer.Origin && m.DeliveredAt == null).OrderBy(m => m.Seq).FirstOrDefaultAsync(ct);
            var counts = outbox.FirstOrDefault(o => o.Peer == peer.Origin);
            peers.Add(new PeerView(peer.Origin, peer.Url, peer.LogKey, peer.AddedAt,
                [.. remote.Where(r => r.Peer == peer.Origin).Select(r => new LearnedView(r.InstitutionId, Name(r.InstitutionId), r.Index, r.KeyChanges, r.LearnedAt)).OrderBy(r => r.Name, StringComparer.CurrentCulture)],
                new OutboxView(counts?.Waiting ?? 0, counts?.Delivered ?? 0, counts?.Refused ?? 0, next?.NextAttemptAt, next?.LastError),
                received.FirstOrDefault(r => r.Peer == peer.Origin)?.Count ?? 0,
                Witnessing(peer.Origin)));
        }
        var refused = await db.RefusedMessages.AsNoTracking().OrderByDescending(r => r.ReceivedAt).Take(50)
            .Select(r => new RefusedView(r.ReceivedAt, r.Peer, r.Reason)).ToListAsync(ct);
        var proofFaults = await db.PeerFaults.AsNoTracking().Where(f => f.Kind == PeerFaultKind.Proof).OrderByDescending(f => f.At).Take(50)
            .Select(f => new FaultView(f.At, f.Peer, f.Kind, f.What, f.Evidence)).ToListAsync(ct);
        var faults = rewrites.Concat(proofFaults).OrderByDescending(f => f.At).Take(50).ToList();
        return new FederationStatus(log.Origin, log.VerifierKey, identity?.VerifierKey, identity?.WitnessKey, await LedgerNodes.SizeAsync(db, ct),
            [.. hosted.Select(h => new HostedView(h.InstitutionId, Name(h.InstitutionId), h.Index))], peers, refused, faults);

        WitnessingView Witnessing(string origin)
        {
            var name = PeerWitnesses.WitnessName(origin);
            var rewrite = rewrites.FirstOrDefault(f => f.Peer == origin);
            return new WitnessingView(witnesses.Contains(name), cosignedHere.TryGetValue(name, out var here) ? here : null,
                cosignedThere.TryGetValue(origin, out var there) ? there : null, rewrite?.Kind, rewrite?.What);
        }
    }
}
