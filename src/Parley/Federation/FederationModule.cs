using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Federation;

/// <summary>
/// Each institution its own node: what this node publishes about itself (its message key, the institutions it hosts),
/// its peers and what it learned from their logs (events and projections), and the messages it exchanges with them
/// (outbox, received, refused: kept beside the record, not rebuilt).
/// </summary>
public sealed class FederationModule : IRecordModule
{
    public string Name => "federation";
    public IReadOnlyList<Type> Events { get; } = [typeof(FederationEvent)];

    public IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        ProjectionTable.Of<ArrivedEnvelope>(q => q.OrderBy(x => x.LetterId)),
        ProjectionTable.Of<RemoteInstitution>(q => q.OrderBy(x => x.InstitutionId)),
        ProjectionTable.Of<Peer>(q => q.OrderBy(x => x.Origin)),
        ProjectionTable.Of<HostedInstitution>(q => q.OrderBy(x => x.InstitutionId)),
        ProjectionTable.Of<NodeIdentity>(q => q.OrderBy(x => x.Id)),
    ];

    public void Map(ModelBuilder model)
    {
        model.Entity<NodeIdentity>(e =>
        {
            e.ToTable("node_identity");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.VerifierKey).HasMaxLength(400);
            e.Property(x => x.WitnessKey).HasMaxLength(400);
        });
        model.Entity<HostedInstitution>(e =>
        {
            e.ToTable("hosted_institutions");
            e.HasKey(x => x.InstitutionId);
            e.Property(x => x.SealingKey).HasMaxLength(100);
            e.Property(x => x.SigningKey).HasMaxLength(100);
        });
        model.Entity<Peer>(e =>
        {
            e.ToTable("peers");
            e.HasKey(x => x.Origin);
            e.Property(x => x.Origin).HasMaxLength(300);
            e.Property(x => x.Url).HasMaxLength(500);
            e.Property(x => x.LogKey).HasMaxLength(400);
            e.Property(x => x.NodeKey).HasMaxLength(400);
        });
        model.Entity<RemoteInstitution>(e =>
        {
            e.ToTable("remote_institutions");
            e.HasKey(x => x.InstitutionId);
            e.Property(x => x.Peer).HasMaxLength(300);
            e.Property(x => x.SealingKey).HasMaxLength(100);
            e.Property(x => x.SigningKey).HasMaxLength(100);
            e.HasIndex(x => x.Peer);
        });
        model.Entity<ArrivedEnvelope>(e =>
        {
            e.ToTable("arrived_envelopes");
            e.HasKey(x => x.LetterId);
            e.Property(x => x.Peer).HasMaxLength(300);
        });
        model.Entity<OutgoingMessage>(e =>
        {
            e.ToTable("federation_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Peer).HasMaxLength(300);
            e.Property(x => x.Kind).HasMaxLength(60);
            e.Property(x => x.About).HasMaxLength(100);
            e.HasIndex(x => new { x.Peer, x.Seq }).IsUnique();
            e.HasIndex(x => new { x.DeliveredAt, x.Peer, x.Seq });
            e.HasIndex(x => x.About);
        });
        model.Entity<ReceivedMessage>(e =>
        {
            e.ToTable("federation_received");
            e.HasKey(x => new { x.Peer, x.Id });
            e.Property(x => x.Peer).HasMaxLength(300);
            e.Property(x => x.Kind).HasMaxLength(60);
            e.HasIndex(x => new { x.Peer, x.Seq }).IsUnique();
        });
        model.Entity<RefusedMessage>(e =>
        {
            e.ToTable("federation_refused");
            e.HasKey(x => x.Id);
            e.Property(x => x.Peer).HasMaxLength(300);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.HasIndex(x => x.ReceivedAt);
        });
        model.Entity<PeerFault>(e =>
        {
            e.ToTable("peer_faults");
            e.HasKey(x => x.Id);
            e.Property(x => x.Peer).HasMaxLength(300);
            e.Property(x => x.What).HasMaxLength(2000);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Evidence).HasMaxLength(8000);
            e.HasIndex(x => new { x.Peer, x.At });
        });
    }

    public async ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        switch (e)
        {
            case NodeKeyPublished k:
                if (await db.FindRowAsync<NodeIdentity>([1], ct) is { } identity)
                    (identity.VerifierKey, identity.Index) = (k.VerifierKey, stored.Sequence);
                else
                    db.NodeIdentity.Add(new NodeIdentity { VerifierKey = k.VerifierKey, Index = stored.Sequence });
                break;
            case WitnessKeyPublished w:
                // The message key is published first, in the same write, so the row exists.
                var self = await db.FindRowAsync<NodeIdentity>([1], ct) ?? throw new InvalidOperationException("A witness key published before the node's message key.");
                (self.WitnessKey, self.WitnessIndex) = (w.VerifierKey, stored.Sequence);
                break;
            case InstitutionHosted h:
                if (await db.FindRowAsync<HostedInstitution>([h.Institution], ct) is { } hosted)
                    (hosted.Index, hosted.SealingKey, hosted.SigningKey) = (stored.Sequence, h.SealingKey, h.SigningKey);
                else
                    db.HostedInstitutions.Add(new HostedInstitution { InstitutionId = h.Institution, Index = stored.Sequence, SealingKey = h.SealingKey, SigningKey = h.SigningKey });
                break;
            case PeerAdded p:
                if (await db.FindRowAsync<Peer>([p.Origin], ct) is { } peer)
                    (peer.Url, peer.LogKey, peer.NodeKey, peer.NodeKeyIndex) = (p.Url, p.LogKey, p.NodeKey, p.NodeKeyIndex);
                else
                    db.Peers.Add(new Peer { Origin = p.Origin, Url = p.Url, LogKey = p.LogKey, NodeKey = p.NodeKey, NodeKeyIndex = p.NodeKeyIndex, AddedAt = stored.RecordedAt });
                break;
            case InstitutionLearned l:
                if (await db.FindRowAsync<RemoteInstitution>([l.Institution], ct) is { } known)
                {
                    if (known.SealingKey != l.SealingKey || known.SigningKey != l.SigningKey)
                        known.KeyChanges++;
                    (known.Peer, known.SealingKey, known.SigningKey, known.Index, known.LearnedAt) = (l.Peer, l.SealingKey, l.SigningKey, l.Index, stored.RecordedAt);
                }
                else
                {
                    db.RemoteInstitutions.Add(new RemoteInstitution
                    {
                        InstitutionId = l.Institution,
                        Peer = l.Peer,
                        SealingKey = l.SealingKey,
                        SigningKey = l.SigningKey,
                        Index = l.Index,
                        LearnedAt = stored.RecordedAt,
                    });
                }
                break;
            case EnvelopeReceived r:
                db.ArrivedEnvelopes.Add(new ArrivedEnvelope { LetterId = r.LetterId, Peer = r.Peer, Message = r.Message, DispatchedAt = r.DispatchedAt, ReceivedAt = stored.RecordedAt });
                break;
        }
    }

    public void AddServices(IServiceCollection services, StoreSettings store)
    {
        services.AddSingleton(s => NodeKey.Load(s.GetRequiredService<KeyVault>(), s.GetRequiredService<LogKey>()));
        services.AddSingleton<IRecordReaction, Dispatches>();
        services.AddSingleton<IRecordReaction, CustodyDispatches>();
        services.AddSingleton<IRecordReaction, ProposalDispatches>();
        services.AddSingleton<IWitnessSource, PeerWitnesses>();
        services.AddSingleton<IRecordReaction, ProofWake>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ProofSignal>();
        services.AddScoped<NodeDescriptions>();
        services.AddScoped<Inbox>();
    }
}
