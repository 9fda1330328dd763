using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Host;
using Parley.Record;

namespace Parley.Tests.Infrastructure;

/// <summary>The real Parley host on a loopback port, over a fresh SQLite file or PostgreSQL database.</summary>
public sealed class ParleyServer : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly WebApplication _app;

    private ParleyServer(WebApplication app, StoreSettings store, Uri address) => (_app, Store, Address) = (app, store, address);

    public StoreSettings Store { get; }
    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<StoreSettings> NewStoreAsync(string provider)
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-test-" + Guid.NewGuid().ToString("N")[..12]);
        return provider switch
        {
            "sqlite" => new StoreSettings(dir, null) { Secret = KeySecret.Generate() },
            "postgres" => new StoreSettings(dir, await PostgresServer.CreateDatabaseAsync()) { Secret = KeySecret.Generate() },
            _ => throw new ArgumentException($"Unknown provider {provider}"),
        };
    }

    /// <summary>A new key-encryption secret in a file of its own, outside every data folder, as an operator keeps one.</summary>
    public static string SecretFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-secret-" + Guid.NewGuid().ToString("N")[..12]);
        File.WriteAllText(path, KeySecret.GenerateText());
        return path;
    }

    public static async Task<ParleyServer> StartAsync(string provider) => await StartAsync(await NewStoreAsync(provider));

    /// <summary>The host with services of the test's own (an SMTP server's address, say) over a fresh store.</summary>
    public static async Task<ParleyServer> StartAsync(string provider, Action<IServiceCollection> services) =>
        await StartAsync(await NewStoreAsync(provider), services);

    public static async Task<ParleyServer> StartAsync(StoreSettings store, Action<IServiceCollection>? services = null)
    {
        var app = ParleyWebApp.Build(store, "http://127.0.0.1:0", b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            services?.Invoke(b.Services);
        });
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.OpenStoreAsync();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ParleyServer(app, store, new Uri(address));
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WriteAsync<T>(Func<WriteScope, Task<Result<T>>> work) => InScopeAsync(async s =>
    {
        var result = await s.GetRequiredService<Recorder>().WriteAsync("test", (scope, _) => work(scope));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    });

    /// <summary>An institution of this test's own, so no test depends on another's data.</summary>
    public Task<Guid> AddInstitutionAsync(string name, InstitutionKind kind = InstitutionKind.Committee, Guid? parent = null, CountryRecorded? country = null) =>
        WriteAsync(async s =>
        {
            if (country is not null && !await s.Db.Countries.AnyAsync(c => c.Code == country.Code))
            {
                await s.RecordAsync(country, default);
                await s.FlushAsync(default);
            }
            return await RecordInstitution.HandleAsync(s, Guid.CreateVersion7(), new InstitutionInput(kind, country?.Code, parent, [new NameEntry(name, "en")], []), default);
        });

    public async Task<string> AddUserAsync(Role role, Guid? institution = null)
    {
        institution ??= await AddInstitutionAsync("Office " + Guid.NewGuid().ToString("N")[..6]);
        var name = $"{role.Slug()}-{Guid.NewGuid().ToString("N")[..6]}";
        await InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<Credential>>();
            var result = await s.GetRequiredService<Recorder>().WriteAsync("test",
                (scope, ct) => CreateAccount.HandleAsync(scope, users, new NewAccount(name, null, institution.Value, [role], Password), ct));
            Assert.True(result.Succeeded, result.Error?.Message);
            return 0;
        });
        return name;
    }

    public async Task<HttpClient> ClientAsync(Role? role, Guid? institution = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (role is { } r)
        {
            var user = await AddUserAsync(r, institution);
            var (_, token) = await WriteAsync(s => IssueToken.HandleAsync(s, user, "test", default));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>A client signed in (by bearer token) as a person of a new office who holds every role.</summary>
    public async Task<HttpClient> EverythingClientAsync()
    {
        var office = await AddInstitutionAsync("Office of every role");
        var name = "everything-" + Guid.NewGuid().ToString("N")[..6];
        await InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<Credential>>();
            var created = await s.GetRequiredService<Recorder>().WriteAsync("test", (scope, ct) =>
                CreateAccount.HandleAsync(scope, users, new NewAccount(name, null, office, Enum.GetValues<Role>(), Password), ct));
            Assert.True(created.Succeeded, created.Error?.Message);
            return 0;
        });
        var (_, token) = await WriteAsync(s => IssueToken.HandleAsync(s, name, "test", default));
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!Store.IsPostgres)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                System.IO.Directory.Delete(Store.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}

public static class Providers
{
    public static TheoryData<string> All => new("sqlite", "postgres");
}
