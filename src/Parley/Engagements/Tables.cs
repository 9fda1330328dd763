using Microsoft.EntityFrameworkCore;
using Parley.Engagements;

namespace Parley.Record;

/// <summary>The engagements' tables (mapped by <see cref="EngagementsModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MinutesVersion> Minutes => Set<MinutesVersion>();
    public DbSet<ActionItem> Actions => Set<ActionItem>();
    public DbSet<Encounter> Encounters => Set<Encounter>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<TaskForce> TaskForces => Set<TaskForce>();
}
