using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Parley.Correspondence;
using Parley.Demo;
using Parley.Host;
using Parley.Record;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.RecordSlice;

/// <summary>
/// The keys stay with their owners: the data folder (or a backup of it, or of the database) opens nothing without
/// the key-encryption secret; the secret is refused inside the data folder; it rotates, and the keys move to another
/// machine and another install folder with it.
/// </summary>
public sealed class KeyVaultTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_data_folder_and_the_database_alone_give_no_private_key_away(string provider)
    {
        var store = await ParleyServer.NewStoreAsync(provider);
        var (secrets, logKey, cookie) = await LoadDemoAsync(store);
        Assert.NotEmpty(secrets);

        // What a thief of the data folder holds: every byte of every file, and every sealed row of the database.
        var stolen = new List<byte[]>();
        foreach (var file in System.IO.Directory.GetFiles(store.DataDirectory, "*", SearchOption.AllDirectories))
            stolen.Add(await File.ReadAllBytesAsync(file));
        await using (var services = Services(store with { Secret = null }))
        await using (var scope = services.CreateAsyncScope())
            stolen.AddRange(await scope.ServiceProvider.GetRequiredService<ParleyDb>().InstitutionSecrets.Select(s => s.Protected).ToListAsync());
        foreach (var key in secrets.Append(logKey))
            foreach (var form in new[] { key, Encoding.ASCII.GetBytes(Convert.ToBase64String(key)), Encoding.ASCII.GetBytes(Convert.ToHexString(key)), Encoding.ASCII.GetBytes(Convert.ToHexStringLower(key)) })
                Assert.DoesNotContain(stolen, blob => blob.AsSpan().IndexOf(form) >= 0);
        Assert.False(File.Exists(Path.Combine(store.DataDirectory, "ledger.key")));

        // The Data Protection ring beside them does not load without the vault (sign-in cookies cannot be forged)...
        var ring = DataProtectionProvider.Create(new DirectoryInfo(StoreServices.KeyRingIn(store)), b => b.SetApplicationName("parley"));
        Assert.NotEmpty(System.IO.Directory.GetFiles(StoreServices.KeyRingIn(store), "*.xml"));
        Assert.ThrowsAny<Exception>(() => ring.CreateProtector("parley-test").Unprotect(cookie));
        // ...and another secret does not open the vault.
        var wrong = Assert.Throws<DomainException>(() => KeyVault.Open(store with { Secret = KeySecret.Generate("another secret") }));
        Assert.Contains("another secret does not open the keys", wrong.Error.Message);
    }

    [Fact]
    public async Task Without_its_secret_the_server_refuses_to_start_and_says_how_to_give_one()
    {
        var store = await ParleyServer.NewStoreAsync("sqlite");
        var fresh = Assert.Throws<DomainException>(() => ParleyWebApp.Build(store with { Secret = null }, "http://127.0.0.1:0"));
        Assert.Contains("parley keys new-secret", fresh.Error.Message);
        Assert.False(File.Exists(KeyVault.PathIn(store)), "nothing is created without a secret");

        await LoadDemoAsync(store);
        var held = Assert.Throws<DomainException>(() => ParleyWebApp.Build(store with { Secret = null }, "http://127.0.0.1:0"));
        Assert.Equal("secret", held.Error.Field);
        Assert.Contains("This store's keys are sealed", held.Error.Message);
        Assert.Contains("--secret-file", held.Error.Message);

        var inside = Path.Combine(store.DataDirectory, "secret");
        await File.WriteAllTextAsync(inside, KeySecret.GenerateText());
        var refused = Assert.Throws<DomainException>(() => KeyVault.Open(store with { Secret = KeySecret.FromFile(inside, "--secret-file") }));
        Assert.Contains("lies inside the data folder", refused.Error.Message);
    }

    [Fact]
    public void A_passphrase_is_stretched_with_Argon2id_and_a_wrong_one_opens_nothing()
    {
        var store = new StoreSettings(Path.Combine(Path.GetTempPath(), "parley-pass-" + Guid.NewGuid().ToString("N")[..12]), null)
        {
            Secret = KeySecret.Parse("the committee sits at dawn", "$PARLEY_SECRET"),
        };
        var vault = KeyVault.Open(store);
        var sealedKey = vault.Seal("test", "a private key"u8);
        Assert.Contains("\"kdf\": \"argon2id\"", File.ReadAllText(KeyVault.PathIn(store)));

        var again = KeyVault.Open(store with { Secret = KeySecret.Parse("the committee sits at dawn", "$PARLEY_SECRET") });
        Assert.Equal("a private key"u8.ToArray(), again.Unseal("test", sealedKey));
        Assert.Throws<DomainException>(() => again.Unseal("another purpose", sealedKey));
        var wrong = Assert.Throws<DomainException>(() => KeyVault.Open(store with { Secret = KeySecret.Parse("the committee sits at dusk", "$PARLEY_SECRET") }));
        Assert.Contains("is not the secret they were sealed with", wrong.Error.Message);
        var shortOne = Assert.Throws<DomainException>(() => KeySecret.Parse("dawn", "$PARLEY_SECRET"));
        Assert.Contains("at least 12 characters", shortOne.Error.Message);
        System.IO.Directory.Delete(store.DataDirectory, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rotation_export_and_import_keep_every_sealed_copy_open(string provider)
    {
        var store = await ParleyServer.NewStoreAsync(provider);
        var first = ParleyServer.SecretFile();
        store = store with { Secret = KeySecret.FromFile(first, "first") };
        await LoadDemoAsync(store);
        var data = store.DataDirectory;
        string[] Store(string dir) => ["--data", dir, .. store.IsPostgres ? new[] { "--database", store.PostgresConnection! } : []];

        var second = ParleyServer.SecretFile();
        Assert.Equal(0, await CommandLine.RunAsync(["keys", "rotate", .. Store(data), "--secret-file", first, "--new-secret-file", second]));
        Assert.Throws<DomainException>(() => KeyVault.Open(store));
        store = store with { Secret = KeySecret.FromFile(second, "second") };
        Assert.Equal(await CountAttachmentsAsync(store), await OpenEveryCopyAsync(store));

        // A backup sealed under a third secret, restored into another data folder (with the database's own backup)
        // under a fourth: the restored store opens every copy and verifies.
        var third = ParleyServer.SecretFile();
        var fourth = ParleyServer.SecretFile();
        var backup = Path.Combine(Path.GetTempPath(), "parley-keys-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        Assert.Equal(0, await CommandLine.RunAsync(["keys", "export", backup, .. Store(data), "--secret-file", second, "--to-secret-file", third]));
        var restored = store with { DataDirectory = data + "-restored", Secret = KeySecret.FromFile(fourth, "fourth") };
        System.IO.Directory.CreateDirectory(restored.DataDirectory);
        if (!store.IsPostgres)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the last connection closed folds the WAL into the file
            File.Copy(store.SqlitePath, restored.SqlitePath);
        }
        Assert.Equal(1, await CommandLine.RunAsync(["keys", "import", backup, .. Store(restored.DataDirectory), "--secret-file", fourth]));
        Assert.Equal(0, await CommandLine.RunAsync(["keys", "import", backup, .. Store(restored.DataDirectory), "--secret-file", fourth, "--from-secret-file", third]));
        Assert.Equal(await CountAttachmentsAsync(store), await OpenEveryCopyAsync(restored));
        Assert.Equal(1, await CommandLine.RunAsync(["keys", "import", backup, .. Store(restored.DataDirectory), "--secret-file", fourth, "--from-secret-file", third]));
        Assert.Equal(0, await CommandLine.RunAsync(["verify", .. Store(restored.DataDirectory)]));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_copy_of_the_program_in_another_folder_opens_every_sealed_copy_and_writes_owner_only_files(string provider)
    {
        var store = await ParleyServer.NewStoreAsync(provider);
        var secret = ParleyServer.SecretFile();
        store = store with { Secret = KeySecret.FromFile(secret, "test") };
        string[] args = ["--data", store.DataDirectory, "--secret-file", secret, .. store.IsPostgres ? new[] { "--database", store.PostgresConnection! } : []];

        // The release as first installed loads the demo, seals a copy of each letter its demo clerks registered, and
        // serves a page (which creates the sign-in key ring).
        var first = ParleyProcess.Install("a");
        await using (var serving = await ParleyProcess.ServeAsync(first, ["--demo", .. args]))
        {
            using var client = new HttpClient { BaseAddress = serving.Address };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
            foreach (var (letter, token) in await TokensAsync(store, l => l.Registry))
            {
                using var upload = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"The text of letter {letter}.")), "file", "copy.txt" } };
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/letters/{letter}/attachments") { Content = upload };
                request.Headers.Authorization = new("Bearer", token);
                var response = await client.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        foreach (var folder in System.IO.Directory.GetDirectories(store.DataDirectory, "*", SearchOption.AllDirectories).Append(store.DataDirectory))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var files = System.IO.Directory.GetFiles(store.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.Contains("keyring", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));

        // The same release copied to another folder, on the same data and secret, opens every sealed copy over HTTP.
        var addressees = (await TokensAsync(store, l => l.AddresseeInstitution)).ToDictionary(t => t.Letter, t => t.Token);
        var copies = await CopiesAsync(store);
        var moved = ParleyProcess.Install("b");
        await using var server = await ParleyProcess.ServeAsync(moved, args);
        var opened = 0;
        foreach (var (letter, attachment, sha256) in copies.Where(c => addressees.ContainsKey(c.Letter)))
        {
            using var client = new HttpClient { BaseAddress = server.Address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", addressees[letter]);
            var response = await client.GetAsync($"/api/letters/{letter}/attachments/{attachment}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
            opened++;
        }
        Assert.True(opened > 0, "the Moscow letter's copy is addressed to clerk-ru's institution");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_quick_start_keeps_its_demo_secret_outside_the_data_folder_and_its_store_verifies_after_a_stop(string provider)
    {
        var store = await ParleyServer.NewStoreAsync(provider);
        string[] args = ["--data", store.DataDirectory, .. store.IsPostgres ? new[] { "--database", store.PostgresConnection! } : []];
        var install = ParleyProcess.Install("qs");
        string output;
        await using (var serving = await ParleyProcess.ServeAsync(install, ["--demo", .. args]))
            output = serving.Output;
        var secret = Path.Combine(install, "home", ".config", "parley", "demo-secret");
        Assert.Contains($"Created the demo's key-encryption secret in {secret}", output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));

        // Stopped before any checkpoint was asked for, the store still verifies: the log key exists from the first start.
        var (code, verified) = await ParleyProcess.RunAsync(install, ["verify", .. args]);
        Assert.True(code == 0, verified);
        Assert.Contains("Verified: 79 events", verified);
        // A plain `serve` on the same data without the secret refuses, saying how to give it.
        var (refusedCode, refused) = await ParleyProcess.RunAsync(install, ["serve", "--urls", "http://127.0.0.1:0", .. args]);
        Assert.Equal(1, refusedCode);
        Assert.Contains("error: secret: This store's keys are sealed under a key-encryption secret and none was given", refused);
    }

    private static ServiceProvider Services(StoreSettings store) => new ServiceCollection().AddLogging().AddParley(store).BuildServiceProvider();

    /// <summary>
    /// Loads the demo, attaches a sealed copy to every letter (by its registry's clerk) and has the ring protect
    /// something as a sign-in cookie would; returns every private key made (institutions' and the log's), read
    /// through the vault, and the protected payload.
    /// </summary>
    private static async Task<(List<byte[]> Institutions, byte[] Log, byte[] Cookie)> LoadDemoAsync(StoreSettings store)
    {
        await using var services = Services(store);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.OpenStoreAsync();
        Assert.True((await DemoStory.LoadAsync(scope.ServiceProvider, default)).Succeeded);
        var recorder = scope.ServiceProvider.GetRequiredService<Recorder>();
        foreach (var letter in await recorder.Db.Letters.AsNoTracking().ToListAsync())
        {
            var clerk = Parley.Access.Actor.Of("clerk", letter.Registry, Parley.Access.Role.RegistryClerk);
            var upload = new AttachCopy.Upload($"copy {letter.Number}.txt", "text/plain", Encoding.UTF8.GetBytes($"The text of {letter.Subject}."));
            var attached = await recorder.WriteAsync("test", (s, ct) => AttachCopy.HandleAsync(s, scope.ServiceProvider.GetRequiredService<InstitutionKeys>(), clerk, letter.Id, upload, ct));
            Assert.True(attached.Succeeded, attached.Error?.Message);
        }
        var cookie = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("parley-test").Protect("a session"u8.ToArray());
        var vault = scope.ServiceProvider.GetRequiredService<KeyVault>();
        var secrets = await scope.ServiceProvider.GetRequiredService<ParleyDb>().InstitutionSecrets.AsNoTracking().ToListAsync();
        var keys = secrets.SelectMany(s =>
        {
            var both = vault.Unseal($"institution-keys/{s.InstitutionId}", s.Protected);
            return new[] { both[..32], both[32..] };
        }).ToList();
        var signer = scope.ServiceProvider.GetRequiredService<LogKey>().Signer.SignerKey;
        var log = Convert.FromBase64String(signer.Split('+', 5)[4])[1..];
        return (keys, log, cookie);
    }

    private static async Task<int> CountAttachmentsAsync(StoreSettings store)
    {
        await using var services = Services(store);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ParleyDb>().Attachments.CountAsync();
    }

    /// <summary>Opens every sealed copy as a user of its addressee, through the store's vault.</summary>
    private static async Task<int> OpenEveryCopyAsync(StoreSettings store)
    {
        await using var services = Services(store);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.OpenStoreAsync();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDb>();
        var keys = scope.ServiceProvider.GetRequiredService<InstitutionKeys>();
        var copies = await db.Attachments.AsNoTracking().Join(db.Letters, a => a.LetterId, l => l.Id, (a, l) => new { a.Id, a.LetterId, l.AddresseeInstitution }).ToListAsync();
        var opened = 0;
        foreach (var copy in copies)
        {
            var clerk = Parley.Access.Actor.Of("clerk", copy.AddresseeInstitution, Parley.Access.Role.RegistryClerk);
            var result = await OpenCopy.HandleAsync(db, keys, clerk, copy.LetterId, copy.Id, default);
            Assert.True(result.Succeeded, result.Error?.Message);
            opened++;
        }
        return opened;
    }

    /// <summary>A bearer token of a demo user of the given institution of each letter, for the letters that have one.</summary>
    private static async Task<List<(Guid Letter, string Token)>> TokensAsync(StoreSettings store, Func<Letter, Guid> institution)
    {
        await using var services = Services(store);
        await using var scope = services.CreateAsyncScope();
        var recorder = scope.ServiceProvider.GetRequiredService<Recorder>();
        var result = new List<(Guid, string)>();
        foreach (var letter in await recorder.Db.Letters.AsNoTracking().ToListAsync())
        {
            if (DemoStory.Users.FirstOrDefault(u => u.Institution == institution(letter) && u.Role == Parley.Access.Role.RegistryClerk) is not { User: { } user })
                continue;
            var issued = await recorder.WriteAsync("test", (s, ct) => Parley.Access.IssueToken.HandleAsync(s, user, "moved install", ct));
            result.Add((letter.Id, issued.Value.Token));
        }
        return result;
    }

    private static async Task<List<(Guid Letter, Guid Attachment, string Sha256)>> CopiesAsync(StoreSettings store)
    {
        await using var services = Services(store);
        await using var scope = services.CreateAsyncScope();
        var copies = await scope.ServiceProvider.GetRequiredService<ParleyDb>().Attachments.AsNoTracking().ToListAsync();
        return copies.Select(c => (c.LetterId, c.Id, c.PlaintextSha256)).ToList();
    }
}
