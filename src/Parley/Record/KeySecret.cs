using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Parley.Record;

/// <summary>
/// The key-encryption secret: what turns the sealed keys in a data folder back into keys. It is never stored in
/// the data folder; it reaches Parley at start from a file (<c>--secret-file</c>, <c>$PARLEY_SECRET_FILE</c>, or
/// the systemd credential <c>parley-secret</c>) or from <c>$PARLEY_SECRET</c>. Its text is either a generated
/// secret (<c>parley-secret-v1:</c> and 32 random bytes, from <c>parley keys new-secret</c>), used through HKDF, or
/// a passphrase of at least 12 characters, stretched with Argon2id over the store's salt.
/// </summary>
public sealed class KeySecret
{
    public const string FileVariable = "PARLEY_SECRET_FILE";
    public const string Variable = "PARLEY_SECRET";
    public const string Credential = "parley-secret";
    private const string Prefix = "parley-secret-v1:";
    private const int MinimumPassphrase = 12;

    /// <summary>OWASP's first Argon2id setting (RFC 9106 §4 second choice): 64 MiB, three passes, one lane.</summary>
    public static readonly Argon2Parameters Stretching = new() { DegreeOfParallelism = 1, MemorySize = 64 * 1024, NumberOfPasses = 3 };

    private readonly byte[]? _key;
    private readonly string? _passphrase;

    private KeySecret(byte[]? key, string? passphrase, string source) => (_key, _passphrase, Source) = (key, passphrase, source);

    /// <summary>Where the secret came from, for messages (never its value).</summary>
    public string Source { get; }

    /// <summary>The file it was read from, if any: it must not lie inside the data folder it protects.</summary>
    public string? FilePath { get; private init; }

    public bool IsPassphrase => _passphrase is not null;

    /// <summary>A new random secret, as <c>parley keys new-secret</c> writes it.</summary>
    public static string GenerateText() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static KeySecret Generate(string source = "a generated secret") => Parse(GenerateText(), source);

    /// <summary>Reads a secret's text; a malformed one is refused with the reason, naming where it came from.</summary>
    public static KeySecret Parse(string text, string source)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var key = Parley.Ledger.TextFields.Base64(trimmed[Prefix.Length..]);
            if (key is not { Length: 32 })
                throw new DomainException(new DomainError("secret", $"{source} starts like a Parley secret but does not hold 32 bytes of base64 after \"{Prefix}\"; make a new one with `parley keys new-secret FILE`."));
            return new KeySecret(key, null, source);
        }
        if (trimmed.Length < MinimumPassphrase)
            throw new DomainException(new DomainError("secret", $"{source} is too short to be a passphrase (at least {MinimumPassphrase} characters), and it is not a secret from `parley keys new-secret`."));
        return new KeySecret(null, trimmed, source);
    }

    public static KeySecret FromFile(string path, string source)
    {
        if (!File.Exists(path))
            throw new DomainException(new DomainError("secret", $"{source}: the file {path} does not exist."));
        var secret = Parse(File.ReadAllText(path), $"{source} ({path})");
        return new KeySecret(secret._key, secret._passphrase, secret.Source) { FilePath = Path.GetFullPath(path) };
    }

    /// <summary>The secret the environment gives, or null: the file variable, then the systemd credential, then the variable.</summary>
    public static KeySecret? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file)
            return FromFile(file, "$" + FileVariable);
        if (Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY") is { Length: > 0 } credentials
            && Path.Combine(credentials, Credential) is var path && File.Exists(path))
            return FromFile(path, "the systemd credential " + Credential);
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text)
            return Parse(text, "$" + Variable);
        return null;
    }

    /// <summary>The 32-byte key that seals the store key, from this secret and the store's salt.</summary>
    public byte[] DeriveKeyEncryptionKey(byte[] salt, Argon2Parameters? stretching)
    {
        if (_key is not null)
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, salt, "parley key-encryption key"u8.ToArray());
        var argon = PasswordBasedKeyDerivationAlgorithm.Argon2id(stretching ?? Stretching);
        return argon.DeriveBytes(Encoding.UTF8.GetBytes(_passphrase!), salt, 32);
    }
}
