using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Parley.Record;

/// <summary>
/// A feature as the record sees it: the events it owns, the tables it maps, the projection that writes them and
/// the services it needs. The kernel knows features only through this interface; the composition root lists
/// them once, and the write path, rebuild and verify take everything they need from that list.
/// </summary>
public interface IRecordModule
{
    /// <summary>A name for messages ("correspondence").</summary>
    string Name { get; }

    /// <summary>The base types of the events this feature records; every event type belongs to exactly one module.</summary>
    IReadOnlyList<Type> Events { get; }

    /// <summary>The feature's tables, projections and secrets alike.</summary>
    void Map(ModelBuilder model);

    /// <summary>The tables this module's projection writes, children first (the order they are cleared in).</summary>
    IReadOnlyList<ProjectionTable> Tables { get; }

    /// <summary>
    /// Applies one recorded event. Every module sees every event, in registration order, so a feature may
    /// subscribe to another's events (a meeting held fulfils a commitment) after that feature has projected them;
    /// events it neither owns nor subscribes to are ignored.
    /// </summary>
    ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct);

    /// <summary>The kinds of record this feature puts in the search index (<see cref="SearchIndex"/>); each has its own index.</summary>
    IReadOnlyList<string> SearchKinds => [];

    /// <summary>Services the feature's use cases need wherever the store is opened (host and command line).</summary>
    void AddServices(IServiceCollection services, StoreSettings store)
    {
    }

    /// <summary>
    /// Moves private keys an earlier release protected with the install-bound ring under the vault, when the store
    /// opens with its secret. Returns how many it could not move (the legacy ring is kept until none are left).
    /// </summary>
    Task<int> SealLegacyKeysAsync(ParleyDb db, KeyVault vault, LegacyKeyRing legacy, CancellationToken ct) => Task.FromResult(0);
}

/// <summary>One projection table: its rows in a stable order, how to empty it, and how to put a row's owned collections in order.</summary>
public sealed class ProjectionTable
{
    private ProjectionTable(Type entity, Func<ParleyDb, IQueryable<object>> rows, Func<ParleyDb, CancellationToken, Task> clear, Action<object>? canonicalize) =>
        (Entity, Rows, ClearAsync, Canonicalize) = (entity, rows, clear, canonicalize);

    public Type Entity { get; }
    public Func<ParleyDb, IQueryable<object>> Rows { get; }
    public Func<ParleyDb, CancellationToken, Task> ClearAsync { get; }

    /// <summary>Sorts a row's owned collections, since databases return them in any order; null where there are none.</summary>
    public Action<object>? Canonicalize { get; }

    public static ProjectionTable Of<T>(
        Func<IQueryable<T>, IOrderedQueryable<T>> order,
        Action<T>? canonicalize = null,
        Func<ParleyDb, CancellationToken, Task>? clear = null)
        where T : class =>
        new(typeof(T), db => order(db.Set<T>()),
            clear ?? (async (db, ct) => await db.Set<T>().ExecuteDeleteAsync(ct)),
            canonicalize is null ? null : row => canonicalize((T)row));
}

/// <summary>The modules the record is made of, in dependency order: a module may read and subscribe to the ones before it.</summary>
public sealed class RecordModules
{
    public RecordModules(params IRecordModule[] features)
    {
        All = [new LedgerModule(), .. features];
        // Checked once here, for every event type the catalog can store: no event goes unprojected, none twice.
        foreach (var type in EventCatalog.Types)
        {
            var owners = All.Where(m => m.Events.Any(b => b.IsAssignableFrom(type))).ToList();
            if (owners.Count != 1)
                throw new InvalidOperationException(owners.Count == 0
                    ? $"No module owns the event {type.Name}."
                    : $"The event {type.Name} is owned by {string.Join(" and ", owners.Select(o => o.Name))}.");
        }
    }

    public IReadOnlyList<IRecordModule> All { get; }

    /// <summary>Every projection table, children first: later modules depend on earlier ones, so they are cleared first.</summary>
    public IEnumerable<ProjectionTable> Tables => All.Reverse().SelectMany(m => m.Tables);

    /// <summary>Every module's search kinds.</summary>
    public IReadOnlyList<string> SearchKinds => field ??= All.SelectMany(m => m.SearchKinds).ToList();

    public void Map(ModelBuilder model)
    {
        foreach (var module in All)
            module.Map(model);
    }

    public void AddServices(IServiceCollection services, StoreSettings store)
    {
        foreach (var module in All)
            module.AddServices(services, store);
    }

    /// <summary>Projects one event: every module in order, the owner included.</summary>
    public async ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        foreach (var module in All)
            await module.ApplyAsync(db, e, stored, ct);
    }

    public async Task<int> SealLegacyKeysAsync(ParleyDb db, KeyVault vault, LegacyKeyRing legacy, CancellationToken ct)
    {
        var left = 0;
        foreach (var module in All)
            left += await module.SealLegacyKeysAsync(db, vault, legacy, ct);
        return left;
    }

    public async Task ClearAsync(ParleyDb db, CancellationToken ct)
    {
        foreach (var table in Tables)
            await table.ClearAsync(db, ct);
    }
}

/// <summary>Carries the modules into every <see cref="ParleyDb"/>, since pooled contexts take nothing but their options.</summary>
public sealed class RecordModulesExtension(RecordModules modules) : IDbContextOptionsExtension
{
    public RecordModules Modules => modules;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "RecordModules ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Parley:RecordModules"] = "1";
    }
}

public static class RecordModulesOptions
{
    public static DbContextOptionsBuilder UseRecordModules(this DbContextOptionsBuilder builder, RecordModules modules)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new RecordModulesExtension(modules));
        // A failed command throws, and whoever catches it decides whether it is an error: two requests signing the same
        // checkpoint size is a race one of them loses, not a failure. What nobody catches the host logs with its stack.
        return builder.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
    }
}

/// <summary>The kernel's own projection: the witnesses whose cosignatures the log accepts.</summary>
internal sealed class LedgerModule : IRecordModule
{
    public string Name => "ledger";
    public IReadOnlyList<Type> Events { get; } = [typeof(WitnessAdded), typeof(LogTrusted)];

    public IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        ProjectionTable.Of<Witness>(q => q.OrderBy(x => x.Name)),
        ProjectionTable.Of<TrustedLog>(q => q.OrderBy(x => x.Origin)),
        // Written by the features' projections for their records; cleared last, when theirs are gone.
        ProjectionTable.Of<SearchDocument>(q => q.OrderBy(x => x.Kind).ThenBy(x => x.Id)),
    ];

    public void Map(ModelBuilder model)
    {
        model.Entity<StoredEvent>(e =>
        {
            e.ToTable("events");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.Actor).HasMaxLength(200);
            e.Property(x => x.Stream).HasMaxLength(200);
            e.HasIndex(x => x.Stream);
            e.HasIndex(x => x.Type);
        });
        model.Entity<LedgerNode>(e =>
        {
            e.ToTable("ledger_nodes");
            e.HasKey(x => new { x.Level, x.Index });
            e.Property(x => x.Hash).HasMaxLength(32);
            e.HasIndex(x => x.Hash);
        });
        model.Entity<StoredCheckpoint>(e =>
        {
            e.ToTable("ledger_checkpoints");
            e.HasKey(x => x.Size);
            e.Property(x => x.Size).ValueGeneratedNever();
        });
        model.Entity<Cosignature>(e =>
        {
            e.ToTable("ledger_cosignatures");
            e.HasKey(x => new { x.Size, x.Witness });
        });
        model.Entity<Witness>(e =>
        {
            e.ToTable("ledger_witnesses");
            e.HasKey(x => x.Name);
        });
        model.Entity<TrustedLog>(e =>
        {
            e.ToTable("witness_trusted_logs");
            e.HasKey(x => x.Origin);
        });
        model.Entity<WitnessState>(e =>
        {
            e.ToTable("witness_state");
            e.HasKey(x => x.Origin);
        });
        model.Entity<SplitViewEvidence>(e =>
        {
            e.ToTable("witness_split_views");
            e.HasIndex(x => x.Origin);
        });
        model.Entity<VerifiedTree>(e =>
        {
            e.ToTable("ledger_verified");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        model.Entity<SearchDocument>(e =>
        {
            // The full-text indexes over it are the migrations' own SQL (FTS5 tables and triggers; a tsvector column and GIN indexes).
            e.ToTable("search_documents");
            e.HasKey(x => new { x.Kind, x.Id });
            e.Property(x => x.Kind).HasMaxLength(20);
        });
        model.Entity<LogFormat>(e =>
        {
            e.ToTable("ledger_format");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
    }

    public ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct)
    {
        if (e is WitnessAdded w)
            db.Witnesses.Add(new Witness { Name = w.Name, VerifierKey = w.VerifierKey });
        else if (e is LogTrusted t)
            db.TrustedLogs.Add(new TrustedLog { Origin = t.Origin, VerifierKey = t.VerifierKey });
        return ValueTask.CompletedTask;
    }
}
