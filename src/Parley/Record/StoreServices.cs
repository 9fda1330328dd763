using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Parley.Record;

public static class StoreServices
{
    /// <summary>The record with its modules' services: what every verb that touches the store needs.</summary>
    public static IServiceCollection AddParleyStore(this IServiceCollection services, StoreSettings store, RecordModules modules)
    {
        services.AddSingleton(store);
        services.AddSingleton(modules);
        services.TryAddSingleton(TimeProvider.System);
        if (store.IsPostgres)
            services.AddDbContextPool<ParleyDb, PostgresParleyDb>(o => PostgresParleyDb.Configure(o, store.PostgresConnection!, modules));
        else
            services.AddDbContextPool<ParleyDb, SqliteParleyDb>(o => SqliteParleyDb.Configure(o, store.SqlitePath, modules));
        services.AddScoped<Recorder>();
        // Opened on first use, so verbs that hold no keys (verify, user add, import) need no secret.
        services.AddSingleton(_ => KeyVault.Open(store));
        services.AddSingleton(s => LogKey.Load(store, s.GetRequiredService<KeyVault>()));
        services.AddSingleton(s => WitnessKey.Load(s.GetRequiredService<KeyVault>(), s.GetRequiredService<LogKey>()));
        services.AddScoped<Checkpoints>();
        services.AddScoped<Witnessing>();
        // Named, so nothing the ring protects depends on the folder the program runs from; sealed by the vault.
        services.AddDataProtection().SetApplicationName("parley").PersistKeysToFileSystem(new DirectoryInfo(KeyRingIn(store)));
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, s) => o.XmlEncryptor = new VaultXmlEncryptor(s.GetRequiredService<KeyVault>()));
        modules.AddServices(services, store);
        return services;
    }

    public static string KeyRingIn(StoreSettings store) => Path.Combine(store.DataDirectory, "keyring");

    /// <summary>
    /// Opens the store for a verb: applies migrations, narrows the data folder to its owner, and, when the secret
    /// is given, seals what an earlier release kept in plain files (the log key, the install-bound key ring).
    /// </summary>
    public static async Task OpenStoreAsync(this IServiceProvider scope, CancellationToken ct = default)
    {
        var db = scope.GetRequiredService<ParleyDb>();
        var store = scope.GetRequiredService<StoreSettings>();
        await db.MigrateAsync(ct);
        OwnerOnly.Restrict(store.DataDirectory);
        OwnerOnly.Restrict(KeyRingIn(store));
        if (store.Secret is null && KeySecret.FromEnvironment() is null)
            return;
        var vault = scope.GetRequiredService<KeyVault>();
        _ = scope.GetRequiredService<LogKey>();
        var legacy = new LegacyKeyRing(store);
        if (!legacy.Exists)
            return;
        var left = await scope.GetRequiredService<RecordModules>().SealLegacyKeysAsync(db, vault, legacy, ct);
        if (left == 0)
            System.IO.Directory.Delete(legacy.Folder, recursive: true);
        else
            scope.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Keys").LogWarning(
                "{Count} private keys in this store were protected by an earlier release bound to the folder it ran from, and this folder's name does not open them; they stay in {Folder} until the store is opened once with {Variable} set to that earlier install folder.",
                left, legacy.Folder, LegacyKeyRing.PreviousInstallVariable);
    }

    /// <summary>Migrations that add derived columns: a store that already has events is re-projected after them.</summary>
    private static readonly string[] Rederiving = ["_LetterStatusColumns", "_MinutesComments", "_CalendarRevisions", "_CustodyTally", "_Search"];

    /// <summary>
    /// Creates the SQLite folder if needed and applies the provider's migrations. When a migration adds columns
    /// the projections derive, the projections are rebuilt from the events in one transaction, so an upgraded
    /// store reads exactly as a fresh replay would (and <c>parley verify</c> agrees).
    /// </summary>
    public static async Task MigrateAsync(this ParleyDb db, CancellationToken ct = default)
    {
        if (db is SqliteParleyDb)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            if (!OperatingSystem.IsWindows() && !File.Exists(file))
            {
                // SQLite gives its journal and WAL files the database file's mode, so the store starts owner-only.
                File.Create(file, 0, FileOptions.None).Dispose();
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).Any();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        // Migrating builds the design-time model to compare it with the migrations' snapshot, which the compiled model
        // (src/Models) spares every other start: an up-to-date store is not asked to migrate.
        if (pending.Count > 0)
            await db.Database.MigrateAsync(ct);
        if (db is SqliteParleyDb)
        {
            // WAL lets pages read while a writer appends.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (applied && pending.Any(m => Rederiving.Any(r => m.EndsWith(r, StringComparison.Ordinal))) && await db.Events.AnyAsync(ct))
            await Rebuild.ReprojectAsync(db, ct);
    }
}
