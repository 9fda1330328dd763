using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;

namespace Parley.Record;

/// <summary>
/// Seals every private key Parley holds. A random store key (XChaCha20-Poly1305) seals the keys, each bound to
/// its purpose and to this store; the store key itself is sealed under the key-encryption secret and kept in
/// <c>DATA/vault.json</c> with the salt and the public halves. So the data folder, or a backup of it, opens
/// nothing without the secret; rotating the secret re-seals one key in one atomic file write; and nothing depends
/// on where the program is installed.
/// </summary>
public sealed class KeyVault
{
    public const string FileName = "vault.json";
    private const string Format = "parley-vault/1";
    private const string ExportFormat = "parley-keys/1";
    private static readonly byte[] Magic = "PKV1"u8.ToArray();
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly byte[] _storeKey;
    private VaultFile _file;

    private KeyVault(string path, VaultFile file, byte[] storeKey) => (_path, _file, _storeKey) = (path, file, storeKey);

    /// <summary>The store these keys belong to; sealed keys carry it, so they open in no other store.</summary>
    public Guid Store => _file.Store;

    public static string PathIn(StoreSettings store) => Path.Combine(store.DataDirectory, FileName);

    /// <summary>A public half kept beside its sealed key (the log's verifier key), readable without the secret.</summary>
    public static string? PublicValue(StoreSettings store, string name) =>
        ReadFile(PathIn(store)) is { } file && file.Keys.TryGetValue(name, out var entry) ? entry.Public : null;

    /// <summary>
    /// Opens the store's vault with the secret the settings or the environment give, creating it on a store that
    /// has none. Refuses, saying what is missing, when there is no secret, when it lies in the data folder, or when
    /// it is not the one this store was sealed with.
    /// </summary>
    public static KeyVault Open(StoreSettings store)
    {
        var path = PathIn(store);
        var secret = store.Secret ?? KeySecret.FromEnvironment() ?? throw new DomainException(Missing(store, path));
        if (secret.FilePath is { } file && IsInside(file, store.DataDirectory))
            throw new DomainException(new DomainError("secret",
                $"The key-encryption secret {file} lies inside the data folder {store.DataDirectory}: a copy of the folder would carry the secret with the keys. Move it elsewhere (e.g. /etc/parley/secret, or a systemd credential)."));
        OwnerOnly.CreateDirectory(store.DataDirectory);
        if (ReadFile(path) is { } existing)
            return new KeyVault(path, existing, UnsealStoreKey(existing, secret, path));
        var storeKey = RandomNumberGenerator.GetBytes(32);
        var created = SealUnder(new VaultFile(Format, Guid.CreateVersion7(), "", null, null, "", "", []), storeKey, secret);
        OwnerOnly.WriteAllText(path, JsonSerializer.Serialize(created, Json));
        return new KeyVault(path, created, storeKey);
    }

    private static DomainError Missing(StoreSettings store, string path)
    {
        var holds = File.Exists(path) || File.Exists(LogKey.LegacyPathIn(store))
            || System.IO.Directory.Exists(Path.Combine(store.DataDirectory, LegacyKeyRing.FolderName));
        var how = $"give it with --secret-file FILE, ${KeySecret.FileVariable}=FILE, the systemd credential {KeySecret.Credential}, or ${KeySecret.Variable}";
        return new DomainError("secret", holds
            ? $"This store's keys are sealed under a key-encryption secret and none was given: {how}. Without it nothing in {store.DataDirectory} opens."
            : $"Parley keeps its keys sealed under a key-encryption secret stored outside the data folder, and none was given. Make one with `parley keys new-secret /etc/parley/secret` (or use a passphrase of 12 characters or more), then {how}.");
    }

    /// <summary>Seals a private key for <paramref name="purpose"/> (e.g. an institution's keys) in this store.</summary>
    public byte[] Seal(string purpose, ReadOnlySpan<byte> plaintext)
    {
        using var key = Key.Import(Aead, _storeKey, KeyBlobFormat.RawSymmetricKey);
        var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
        return [.. Magic, .. nonce, .. Aead.Encrypt(key, nonce, Binding(purpose, Store), plaintext)];
    }

    /// <summary>Opens what <see cref="Seal"/> sealed; a blob altered, sealed for another purpose or in another store is refused.</summary>
    public byte[] Unseal(string purpose, byte[] sealedKey)
    {
        if (!IsSealed(sealedKey))
            throw new DomainException(new DomainError("key", $"The key for {purpose} is not sealed by this release's vault."));
        using var key = Key.Import(Aead, _storeKey, KeyBlobFormat.RawSymmetricKey);
        var nonce = sealedKey.AsSpan(Magic.Length, Aead.NonceSize);
        var body = sealedKey.AsSpan(Magic.Length + Aead.NonceSize);
        return Aead.Decrypt(key, nonce, Binding(purpose, Store), body)
            ?? throw new DomainException(new DomainError("key", $"The sealed key for {purpose} does not open: it was altered or sealed in another store."));
    }

    public static bool IsSealed(byte[] blob) => blob.AsSpan().StartsWith(Magic);

    /// <summary>A key kept in the vault file itself (the log key), or null.</summary>
    public byte[]? Read(string name)
    {
        lock (_gate)
            return _file.Keys.TryGetValue(name, out var entry) ? Unseal(name, Convert.FromBase64String(entry.Sealed)) : null;
    }

    public void Write(string name, byte[] plaintext, string? publicValue)
    {
        lock (_gate)
        {
            var keys = new Dictionary<string, VaultEntry>(_file.Keys) { [name] = new VaultEntry(Convert.ToBase64String(Seal(name, plaintext)), publicValue) };
            _file = _file with { Keys = keys };
            OwnerOnly.WriteAllText(_path, JsonSerializer.Serialize(_file, Json));
        }
    }

    /// <summary>Re-seals the store key under <paramref name="next"/>: one file replaced at once, so a crash leaves the old secret or the new one working.</summary>
    public void Rotate(KeySecret next)
    {
        lock (_gate)
        {
            _file = SealUnder(_file, _storeKey, next);
            OwnerOnly.WriteAllText(_path, JsonSerializer.Serialize(_file, Json));
        }
    }

    /// <summary>
    /// Writes a backup of the data folder's keys (the store key sealed under <paramref name="to"/>, the keys the
    /// vault file holds, and the key ring's files). The database's own backup carries the institution keys, sealed
    /// under the store key; this file and that backup restore a store on another machine.
    /// </summary>
    public void Export(KeySecret to, string keyRing, string output)
    {
        lock (_gate)
        {
            var ring = System.IO.Directory.Exists(keyRing)
                ? System.IO.Directory.GetFiles(keyRing, "*.xml").Order(StringComparer.Ordinal)
                    .ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f))
                : [];
            var bundle = new KeyExport(ExportFormat, SealUnder(_file, _storeKey, to), ring);
            OwnerOnly.WriteAllText(output, JsonSerializer.Serialize(bundle, Json));
        }
    }

    /// <summary>Restores an export into a data folder that holds no keys yet, sealed from now on under <paramref name="target"/>.</summary>
    public static (Guid Store, int RingFiles) Import(StoreSettings store, string keyRing, string input, KeySecret from, KeySecret target)
    {
        var path = PathIn(store);
        if (ReadFile(path) is { } present)
            throw new DomainException(new DomainError("data", $"{store.DataDirectory} already holds the keys of store {present.Store}; import into a data folder without {FileName}."));
        KeyExport bundle;
        try
        {
            bundle = JsonSerializer.Deserialize<KeyExport>(File.ReadAllText(input), Json) ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new DomainException(new DomainError("file", $"{input} is not a Parley key export: {e.Message}"));
        }
        if (bundle.Format != ExportFormat)
            throw new DomainException(new DomainError("file", $"{input} is not a Parley key export (format \"{bundle.Format}\", expected \"{ExportFormat}\")."));
        var storeKey = UnsealStoreKey(bundle.Vault, from, input);
        OwnerOnly.CreateDirectory(store.DataDirectory);
        OwnerOnly.CreateDirectory(keyRing);
        foreach (var (name, xml) in bundle.KeyRing)
            OwnerOnly.WriteAllText(Path.Combine(keyRing, Path.GetFileName(name)), xml);
        OwnerOnly.WriteAllText(path, JsonSerializer.Serialize(SealUnder(bundle.Vault, storeKey, target), Json));
        return (bundle.Vault.Store, bundle.KeyRing.Count);
    }

    private static VaultFile SealUnder(VaultFile file, byte[] storeKey, KeySecret secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        Argon2Parameters? stretching = secret.IsPassphrase ? KeySecret.Stretching : null;
        var kek = secret.DeriveKeyEncryptionKey(salt, stretching);
        using var key = Key.Import(Aead, kek, KeyBlobFormat.RawSymmetricKey);
        var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
        var sealedKey = Aead.Encrypt(key, nonce, Binding("store-key", file.Store), storeKey);
        return file with
        {
            Kdf = secret.IsPassphrase ? "argon2id" : "hkdf-sha256",
            MemoryKiB = stretching?.MemorySize,
            Passes = stretching?.NumberOfPasses,
            Salt = Convert.ToBase64String(salt),
            StoreKey = Convert.ToBase64String([.. nonce, .. sealedKey]),
        };
    }

    private static byte[] UnsealStoreKey(VaultFile file, KeySecret secret, string where)
    {
        if (file.Kdf == "argon2id" != secret.IsPassphrase)
            throw new DomainException(new DomainError("secret", $"{where} is sealed under a {(secret.IsPassphrase ? "generated secret" : "passphrase")}, and {secret.Source} gives a {(secret.IsPassphrase ? "passphrase" : "generated secret")}."));
        var stretching = file.Kdf == "argon2id"
            ? new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = file.MemoryKiB ?? 0, NumberOfPasses = file.Passes ?? 0 }
            : default(Argon2Parameters?);
        var kek = secret.DeriveKeyEncryptionKey(Convert.FromBase64String(file.Salt), stretching);
        using var key = Key.Import(Aead, kek, KeyBlobFormat.RawSymmetricKey);
        var blob = Convert.FromBase64String(file.StoreKey);
        return Aead.Decrypt(key, blob.AsSpan(0, Aead.NonceSize), Binding("store-key", file.Store), blob.AsSpan(Aead.NonceSize))
            ?? throw new DomainException(new DomainError("secret", $"{secret.Source} does not open the keys in {where}: it is not the secret they were sealed with."));
    }

    private static VaultFile? ReadFile(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            var file = JsonSerializer.Deserialize<VaultFile>(File.ReadAllText(path), Json);
            return file is { Format: Format } ? file : throw new JsonException($"format \"{file?.Format}\", expected \"{Format}\"");
        }
        catch (JsonException e)
        {
            throw new DomainException(new DomainError("vault", $"{path} is damaged: {e.Message}. Restore it from `parley keys export`."));
        }
    }

    private static byte[] Binding(string purpose, Guid store) => Encoding.UTF8.GetBytes($"parley/{purpose}/{store}");

    private static bool IsInside(string file, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(file));
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private sealed record VaultFile(string Format, Guid Store, string Kdf, long? MemoryKiB, long? Passes, string Salt, string StoreKey, Dictionary<string, VaultEntry> Keys);

    private sealed record VaultEntry(string Sealed, string? Public);

    private sealed record KeyExport(string Format, VaultFile Vault, Dictionary<string, string> KeyRing);
}
