using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Parley.Record;

/// <summary>
/// The unit of work: the event store and the ledger here, and whatever tables the registered modules map
/// (each feature declares its own sets in a partial of this class, beside its mapping).
/// </summary>
public abstract partial class ParleyDb : DbContext
{
    protected ParleyDb(DbContextOptions options)
        : base(options) =>
        Modules = options.FindExtension<RecordModulesExtension>()?.Modules
            ?? throw new InvalidOperationException("The store was opened without its modules (UseRecordModules).");

    /// <summary>The features this store is made of, as the composition root registered them.</summary>
    public RecordModules Modules { get; }

    public DbSet<StoredEvent> Events => Set<StoredEvent>();
    public DbSet<LedgerNode> LedgerNodes => Set<LedgerNode>();
    public DbSet<StoredCheckpoint> Checkpoints => Set<StoredCheckpoint>();
    public DbSet<Cosignature> Cosignatures => Set<Cosignature>();
    public DbSet<Witness> Witnesses => Set<Witness>();
    public DbSet<TrustedLog> TrustedLogs => Set<TrustedLog>();
    public DbSet<WitnessState> WitnessStates => Set<WitnessState>();
    public DbSet<SplitViewEvidence> SplitViews => Set<SplitViewEvidence>();
    public DbSet<VerifiedTree> VerifiedTrees => Set<VerifiedTree>();
    public DbSet<LogFormat> LogFormats => Set<LogFormat>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();

    public abstract string Provider { get; }

    /// <summary>While a replay runs into empty projection tables: the rows it has made so far.</summary>
    internal ReplayedRows? Replayed { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => Modules.Map(modelBuilder);
}

/// <summary>Mapping conventions every module shares.</summary>
public static class OwnedRows
{
    /// <summary>SQLite cannot generate values for a composite key, so owned rows get a key of their own.</summary>
    public static void SingleKey<TOwner, TOwned>(OwnedNavigationBuilder<TOwner, TOwned> n)
        where TOwner : class
        where TOwned : class
    {
        n.Property<long>("Id").ValueGeneratedOnAdd();
        n.HasKey("Id");
    }

    /// <summary>The navigations from an entity to the rows it owns (the projections' only navigations).</summary>
    public static IEnumerable<INavigation> Of(IEntityType type) => type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent);

    /// <summary>The key the database generates (an owned row's <see cref="SingleKey"/>), or null where the record gives the key.</summary>
    public static IProperty? GeneratedKey(IEntityType type) =>
        type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(long) || key.ClrType == typeof(int)) ? key : null;
}

public static class Limits
{
    public const int Name = 300;
}
