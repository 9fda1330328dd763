using Microsoft.AspNetCore.DataProtection;
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
        services.AddSingleton(_ => LogKey.Load(store));
        services.AddScoped<Checkpoints>();
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(store.DataDirectory, "keys")));
        modules.AddServices(services, store);
        return services;
    }

    /// <summary>Migrations that add derived columns: a store that already has events is re-projected after them.</summary>
    private static readonly string[] Rederiving = ["_LetterStatusColumns", "_MinutesComments"];

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
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).Any();
        var pending = await db.Database.GetPendingMigrationsAsync(ct);
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
