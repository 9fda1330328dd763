using Microsoft.EntityFrameworkCore.Design;
using Parley.Access;
using Parley.Calendars;
using Parley.Correspondence;
using Parley.Demo;
using Parley.Directory;
using Parley.Engagements;
using Parley.Record;
using Parley.Statements;

namespace Parley;

/// <summary>
/// The composition root of the record: the features it is made of, listed once, in dependency order (a module
/// may read the tables of, and subscribe to the events of, the modules before it).
/// </summary>
public static class ParleyModules
{
    public static RecordModules All { get; } = new(
        new DirectoryModule(),
        new AccessModule(),
        new CorrespondenceModule(),
        new CalendarsModule(),
        new EngagementsModule(),
        new StatementsModule(),
        new Mail.MailModule(),
        new Federation.FederationModule(),
        new Notifications.NotificationsModule(),
        new DemoModule());

    /// <summary>The store with every feature's tables, projections and services.</summary>
    public static IServiceCollection AddParley(this IServiceCollection services, StoreSettings store) =>
        services.AddParleyStore(store, All);
}

/// <summary>Used by `dotnet ef migrations add … --context SqliteParleyDb` only.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteParleyDb>
{
    public SqliteParleyDb CreateDbContext(string[] args) => new(SqliteParleyDb.Options("design.db", ParleyModules.All));
}

/// <summary>Used by `dotnet ef migrations add … --context PostgresParleyDb` only.</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresParleyDb>
{
    public PostgresParleyDb CreateDbContext(string[] args) => new(PostgresParleyDb.Options("Host=localhost;Database=design", ParleyModules.All));
}
