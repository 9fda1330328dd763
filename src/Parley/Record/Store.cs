using Microsoft.EntityFrameworkCore;

namespace Parley.Record;

/// <summary>
/// Where the record lives (a SQLite file under the data folder, or a PostgreSQL connection string) and the
/// key-encryption secret its keys are sealed under, when given here rather than by the environment.
/// </summary>
public sealed record StoreSettings(string DataDirectory, string? PostgresConnection)
{
    public const string DatabaseVariable = "PARLEY_DATABASE";

    public bool IsPostgres => !string.IsNullOrWhiteSpace(PostgresConnection);

    public string SqlitePath => Path.Combine(DataDirectory, "parley.db");

    /// <summary>The secret, when not from the environment (<see cref="KeySecret.FromEnvironment"/>).</summary>
    public KeySecret? Secret { get; init; }

    public static StoreSettings From(string? data, string? database, string? secretFile = null) =>
        new(Path.GetFullPath(data ?? "parley-data"),
            string.IsNullOrWhiteSpace(database) ? Environment.GetEnvironmentVariable(DatabaseVariable) : database)
        {
            Secret = secretFile is null ? null : KeySecret.FromFile(secretFile, "--secret-file"),
        };
}

public sealed class SqliteParleyDb(DbContextOptions<SqliteParleyDb> options) : ParleyDb(options)
{
    public override string Provider => "sqlite";

    public static DbContextOptions<SqliteParleyDb> Options(string path, RecordModules modules) =>
        Configure(new DbContextOptionsBuilder<SqliteParleyDb>(), path, modules).Options;

    public static DbContextOptionsBuilder<SqliteParleyDb> Configure(DbContextOptionsBuilder<SqliteParleyDb> builder, string path, RecordModules modules)
    {
        Configure((DbContextOptionsBuilder)builder, path, modules);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder builder, string path, RecordModules modules) =>
        builder.UseRecordModules(modules).UseSqlite($"Data Source={path};Pooling=True;Default Timeout=60",
            o => o.MigrationsHistoryTable("__migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
}

public sealed class PostgresParleyDb(DbContextOptions<PostgresParleyDb> options) : ParleyDb(options)
{
    public override string Provider => "postgresql";

    public static DbContextOptions<PostgresParleyDb> Options(string connection, RecordModules modules) =>
        Configure(new DbContextOptionsBuilder<PostgresParleyDb>(), connection, modules).Options;

    public static DbContextOptionsBuilder<PostgresParleyDb> Configure(DbContextOptionsBuilder<PostgresParleyDb> builder, string connection, RecordModules modules)
    {
        Configure((DbContextOptionsBuilder)builder, connection, modules);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder builder, string connection, RecordModules modules) =>
        builder.UseRecordModules(modules).UseNpgsql(connection, o => o.MigrationsHistoryTable("__migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
}
