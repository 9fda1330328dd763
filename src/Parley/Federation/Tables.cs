using Microsoft.EntityFrameworkCore;
using Parley.Federation;

namespace Parley.Record;

/// <summary>The federation's tables (mapped by <see cref="FederationModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<NodeIdentity> NodeIdentity => Set<NodeIdentity>();
    public DbSet<HostedInstitution> HostedInstitutions => Set<HostedInstitution>();
    public DbSet<Peer> Peers => Set<Peer>();
    public DbSet<RemoteInstitution> RemoteInstitutions => Set<RemoteInstitution>();
    public DbSet<ArrivedEnvelope> ArrivedEnvelopes => Set<ArrivedEnvelope>();
    public DbSet<OutgoingMessage> FederationOutbox => Set<OutgoingMessage>();
    public DbSet<ReceivedMessage> ReceivedMessages => Set<ReceivedMessage>();
    public DbSet<RefusedMessage> RefusedMessages => Set<RefusedMessage>();
    public DbSet<PeerFault> PeerFaults => Set<PeerFault>();
}
