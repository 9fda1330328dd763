using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Parley.Record;

/// <summary>Where the record lives: a SQLite file under the data folder, or a PostgreSQL connection string.</summary>
public sealed record StoreSettings(string DataDirectory, string? PostgresConnection)
{
    public const string DatabaseVariable = "PARLEY_DATABASE";

    public bool IsPostgres => !string.IsNullOrWhiteSpace(PostgresConnection);

    public string SqlitePath => Path.Combine(DataDirectory, "parley.db");

    public static StoreSettings From(string? data, string? database) =>
        new(Path.GetFullPath(data ?? "parley-data"),
            string.IsNullOrWhiteSpace(database) ? Environment.GetEnvironmentVariable(DatabaseVariable) : database);

    public ParleyDb CreateContext() => IsPostgres
        ? new PostgresParleyDb(PostgresParleyDb.Options(PostgresConnection!))
        : new SqliteParleyDb(SqliteParleyDb.Options(SqlitePath));
}

public sealed class SqliteParleyDb(DbContextOptions<SqliteParleyDb> options) : ParleyDb(options)
{
    public override string Provider => "sqlite";

    public static DbContextOptions<SqliteParleyDb> Options(string path) =>
        Configure(new DbContextOptionsBuilder<SqliteParleyDb>(), path).Options;

    public static DbContextOptionsBuilder<SqliteParleyDb> Configure(DbContextOptionsBuilder<SqliteParleyDb> builder, string path)
    {
        Configure((DbContextOptionsBuilder)builder, path);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder builder, string path) =>
        builder.UseSqlite($"Data Source={path};Pooling=True;Default Timeout=60",
            o => o.MigrationsHistoryTable("__migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
}

public sealed class PostgresParleyDb(DbContextOptions<PostgresParleyDb> options) : ParleyDb(options)
{
    public override string Provider => "postgresql";

    public static DbContextOptions<PostgresParleyDb> Options(string connection) =>
        Configure(new DbContextOptionsBuilder<PostgresParleyDb>(), connection).Options;

    public static DbContextOptionsBuilder<PostgresParleyDb> Configure(DbContextOptionsBuilder<PostgresParleyDb> builder, string connection)
    {
        Configure((DbContextOptionsBuilder)builder, connection);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder builder, string connection) =>
        builder.UseNpgsql(connection, o => o.MigrationsHistoryTable("__migrations").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
}

/// <summary>Used by `dotnet ef migrations add … --context SqliteParleyDb` only.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteParleyDb>
{
    public SqliteParleyDb CreateDbContext(string[] args) => new(SqliteParleyDb.Options("design.db"));
}

/// <summary>Used by `dotnet ef migrations add … --context PostgresParleyDb` only.</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresParleyDb>
{
    public PostgresParleyDb CreateDbContext(string[] args) => new(PostgresParleyDb.Options("Host=localhost;Database=design"));
}
