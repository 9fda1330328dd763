using Microsoft.EntityFrameworkCore;
using Npgsql;
using Parley.Correspondence;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.RecordSlice;

/// <summary>
/// A store written by the release before the kernel change (commit c29a5e2, run from /tmp/oldbin: `serve --demo`,
/// then the checkpoint served; its data folder as that release left it, plain ledger.key and unencrypted key ring
/// included) opens with today's build, migrates, and passes verify and rebuild; the story still reads the same:
/// refactors keep the event format and every projection. Its keys move under the secret, and the plain files go.
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
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "keys"));
        foreach (var ring in System.IO.Directory.GetFiles(Path.Combine(Path.GetDirectoryName(Fixture(provider, "ledger.key"))!, "keys")))
            File.Copy(ring, Path.Combine(dir, "keys", Path.GetFileName(ring)));
        // That release bound its ring to the folder it ran from; this upgrade also moves the install.
        Environment.SetEnvironmentVariable(LegacyKeyRing.PreviousInstallVariable, "/tmp/oldbin/");
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

        await using var services = new ServiceCollection().AddLogging().AddParley(new StoreSettings(dir, postgres) { Secret = KeySecret.Generate() }).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        await scope.ServiceProvider.OpenStoreAsync();
        Assert.False(File.Exists(Path.Combine(dir, "ledger.key")), "the plain log key is sealed in the vault and removed");
        Assert.False(System.IO.Directory.Exists(Path.Combine(dir, "keys")), "the unencrypted ring is removed once every key it protected is sealed");

        var key = scope.ServiceProvider.GetRequiredService<LogKey>();
        var verified = await LedgerVerification.RunAsync(db, key.Signer.Verifier, null, default);
        Assert.Null(verified.Divergence);
        Assert.Equal(78, verified.Events);
        var rebuilt = await Rebuild.RunAsync(db, null, default);
        Assert.Null(rebuilt.Divergence);

        // The log keeps the leaf format its checkpoints were signed over (canonical bytes); what is appended after the
        // upgrade follows it, and the whole still verifies.
        Assert.Equal(Parley.Ledger.LeafFormat.CanonicalEvent, await LogFormats.OfAsync(db, default));
        await scope.ServiceProvider.GetRequiredService<Recorder>().WriteAsync("test", async (s, c) =>
        {
            await s.RecordAsync(new Parley.Directory.InstitutionRecorded(Guid.CreateVersion7(), Parley.Directory.InstitutionKind.Committee, null, null,
                [new Parley.Directory.NameEntry("Committee recorded after the upgrade", "en")], []), c);
            return Result<int>.Ok(0);
        });
        Assert.Null((await LedgerVerification.RunAsync(db, key.Signer.Verifier, null, default)).Divergence);
        var archive = new MemoryStream();
        await LedgerExport.WriteArchiveAsync(db, scope.ServiceProvider.GetRequiredService<Checkpoints>(), key, archive, default);
        archive.Position = 0;
        Assert.Null((await Parley.Ledger.LedgerArchive.VerifyAsync(archive, key.VerifierKey, null, default)).Divergence);

        // The Moscow letter reached the Presidential Administration, and its custody still proves itself.
        var moscow = await db.Letters.AsNoTracking().SingleAsync(l => l.Subject == "Letter from President Trump to President Putin");
        Assert.Equal(LetterStatus.DeliveredToOffice, moscow.Status);
        var certificate = await CustodyCertificate.BuildAsync(db, scope.ServiceProvider.GetRequiredService<Checkpoints>(), key,
            (await LetterRegister.LoadAsync(db, moscow.Id, default))!, default);
        Assert.True(certificate.Holds);
        Assert.Equal(2, certificate.Chain.Count(c => c.GiverSignatureValid == true && c.ReceiverSignatureValid == true));

        // The addressee's private keys, protected by the old release, came through whole: what is sealed to its public
        // key in the record opens, and what it signs verifies against it. No sealed copy is lost in the upgrade.
        var keys = scope.ServiceProvider.GetRequiredService<InstitutionKeys>();
        var record = await db.InstitutionKeys.AsNoTracking().SingleAsync(k => k.InstitutionId == moscow.AddresseeInstitution);
        var clerk = Parley.Access.Actor.Of("clerk-ru", moscow.AddresseeInstitution, Parley.Access.Role.RegistryClerk);
        var (enc, ciphertext) = Hpke.Seal(Convert.FromBase64String(record.SealingKey), "upgrade"u8.ToArray(), [], "a copy"u8.ToArray());
        Assert.Equal("a copy"u8.ToArray(), await keys.OpenAsync(clerk, moscow.AddresseeInstitution, enc, "upgrade"u8.ToArray(), ciphertext, default));
        var signature = await keys.SignAsync(clerk, moscow.AddresseeInstitution, "a hand-over"u8.ToArray(), default);
        Assert.True(InstitutionKeys.Verify(record.SigningKey, "a hand-over"u8.ToArray(), signature));
        Assert.All(await db.InstitutionSecrets.AsNoTracking().ToListAsync(), s => Assert.True(KeyVault.IsSealed(s.Protected)));

        await scope.DisposeAsync();
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(dir, recursive: true);
    }
}
