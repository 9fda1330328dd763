using Microsoft.EntityFrameworkCore;
using Npgsql;
using Parley.Correspondence;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.RecordSlice;

/// <summary>
/// A store written by the release before the kernel change (commit c29a5e2: `serve --demo`, then the checkpoint
/// served) opens with today's build, migrates, and passes verify and rebuild; the story still reads the same:
/// refactors keep the event format and every projection.
/// </summary>
public sealed class UpgradeTests
{
    private static string Fixture(string provider, string file) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "store-c29a5e2", provider, file);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_store_made_before_the_kernel_change_opens_verifies_and_rebuilds(string provider)
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-upgrade-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(dir);
        File.Copy(Fixture(provider, "ledger.key"), Path.Combine(dir, "ledger.key"));
        string? postgres = null;
        if (provider == "sqlite")
        {
            File.Copy(Fixture("sqlite", "store.sqlite"), Path.Combine(dir, "parley.db"));
        }
        else
        {
            postgres = await PostgresServer.CreateDatabaseAsync();
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using var restore = new NpgsqlCommand(await File.ReadAllTextAsync(Fixture("postgres", "dump.sql")), connection);
            await restore.ExecuteNonQueryAsync();
        }

        await using var services = new ServiceCollection().AddLogging().AddParley(new StoreSettings(dir, postgres)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        await db.MigrateAsync();

        var key = scope.ServiceProvider.GetRequiredService<LogKey>();
        var verified = await LedgerVerification.RunAsync(db, key.Signer.Verifier, null, default);
        Assert.Null(verified.Divergence);
        Assert.Equal(78, verified.Events);
        var rebuilt = await Rebuild.RunAsync(db, null, default);
        Assert.Null(rebuilt.Divergence);

        // The Moscow letter reached the Presidential Administration, and its custody still proves itself.
        var moscow = await db.Letters.AsNoTracking().SingleAsync(l => l.Subject == "Letter from President Trump to President Putin");
        Assert.Equal(LetterStatus.DeliveredToOffice, moscow.Status);
        var certificate = await CustodyCertificate.BuildAsync(db, scope.ServiceProvider.GetRequiredService<Checkpoints>(), key,
            (await LetterRegister.LoadAsync(db, moscow.Id, default))!, default);
        Assert.True(certificate.Holds);
        Assert.Equal(2, certificate.Chain.Count(c => c.GiverSignatureValid == true && c.ReceiverSignatureValid == true));

        await scope.DisposeAsync();
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(dir, recursive: true);
    }
}
