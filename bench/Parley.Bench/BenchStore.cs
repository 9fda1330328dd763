using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Record;

namespace Parley.Bench;

/// <summary>A fresh store per benchmark: SQLite in a temp folder, or PostgreSQL from $PARLEY_BENCH_POSTGRES.</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchStore(ServiceProvider services) => _services = services;

    public static async Task<BenchStore> OpenAsync(string provider) => new(await ServicesAsync(provider));

    /// <summary>The store's services over a new, migrated database.</summary>
    public static async Task<ServiceProvider> ServicesAsync(string provider, Action<ILoggingBuilder>? logging = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-bench-" + Guid.NewGuid().ToString("N")[..8]);
        string? postgres = null;
        if (provider == "postgres")
        {
            var admin = Environment.GetEnvironmentVariable("PARLEY_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set PARLEY_BENCH_POSTGRES to an admin connection string to benchmark PostgreSQL.");
            var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new Npgsql.NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }
            postgres = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        }
        var services = new ServiceCollection().AddLogging(l => logging?.Invoke(l)).AddParley(new StoreSettings(dir, postgres) { Secret = KeySecret.Generate() }).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.OpenStoreAsync();
        return services;
    }

    public async Task<T> WriteAsync<T>(Func<WriteScope, CancellationToken, Task<Result<T>>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Recorder>().WriteAsync("bench", work);
        return result.Succeeded ? result.Value! : throw new InvalidOperationException(result.Error!.Message);
    }

    public async Task InScopeAsync(Func<ParleyDb, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ParleyDb>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>
    /// A folder of ../shared/data beside the repository, found from wherever the benchmark runs (BenchmarkDotNet builds
    /// and starts each job in a folder of its own, deeper than the project's bin); $PARLEY_SHARED overrides.
    /// </summary>
    public static string SharedData(string name)
    {
        if (Environment.GetEnvironmentVariable("PARLEY_SHARED") is { Length: > 0 } shared)
            return Path.Combine(shared, "data", name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (System.IO.Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/data/{name} above {AppContext.BaseDirectory}; set PARLEY_SHARED.");
    }
}
