using Microsoft.EntityFrameworkCore;
using Parley.Directory;
using Parley.Record;

namespace Parley.Federation;

public sealed record HostedView(Guid Id, string Name, long Index);

public sealed record LearnedView(Guid Id, string Name, long Index, int KeyChanges, DateTime LearnedAt);

public sealed record OutboxView(int Waiting, int Delivered, int Refused, DateTime? NextAttemptAt, string? LastError);

public sealed record PeerView(string Origin, string Url, string LogKey, DateTime AddedAt, IReadOnlyList<LearnedView> Institutions, OutboxView Outbox, int Received);

public sealed record RefusedView(DateTime At, string? Peer, string Reason);

public sealed record FaultView(DateTime At, string Peer, string What);

/// <summary>This node as its peers see it, and each peer as this node knows it: the federation page and <c>GET /api/federation</c>.</summary>
public sealed record FederationStatus(string Origin, string LogKey, string? NodeKey, IReadOnlyList<HostedView> Hosted, IReadOnlyList<PeerView> Peers,
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
        var peers = new List<PeerView>();
        foreach (var peer in await db.Peers.AsNoTracking().OrderBy(p => p.Origin).ToListAsync(ct))
        {
            var next = await db.FederationOutbox.AsNoTracking().Where(m => m.Peer == peer.Origin && m.DeliveredAt == null).OrderBy(m => m.Seq).FirstOrDefaultAsync(ct);
            var counts = outbox.FirstOrDefault(o => o.Peer == peer.Origin);
            peers.Add(new PeerView(peer.Origin, peer.Url, peer.LogKey, peer.AddedAt,
                [.. remote.Where(r => r.Peer == peer.Origin).Select(r => new LearnedView(r.InstitutionId, Name(r.InstitutionId), r.Index, r.KeyChanges, r.LearnedAt)).OrderBy(r => r.Name, StringComparer.CurrentCulture)],
                new OutboxView(counts?.Waiting ?? 0, counts?.Delivered ?? 0, counts?.Refused ?? 0, next?.NextAttemptAt, next?.LastError),
                received.FirstOrDefault(r => r.Peer == peer.Origin)?.Count ?? 0));
        }
        var refused = await db.RefusedMessages.AsNoTracking().OrderByDescending(r => r.ReceivedAt).Take(50)
            .Select(r => new RefusedView(r.ReceivedAt, r.Peer, r.Reason)).ToListAsync(ct);
        var faults = await db.PeerFaults.AsNoTracking().OrderByDescending(f => f.At).Take(50).Select(f => new FaultView(f.At, f.Peer, f.What)).ToListAsync(ct);
        return new FederationStatus(log.Origin, log.VerifierKey, identity?.VerifierKey,
            [.. hosted.Select(h => new HostedView(h.InstitutionId, Name(h.InstitutionId), h.Index))], peers, refused, faults);
    }
}
