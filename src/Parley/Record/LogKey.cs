using System.Text;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>
/// The log's Ed25519 signing key: from $PARLEY_LEDGER_KEY, else sealed in the store's vault, created there on
/// first start. Its name is the log's origin. The private key is never served or logged; only
/// <see cref="VerifierKey"/> leaves the process, and the vault keeps that beside the sealed key so
/// <c>parley verify</c> needs no secret.
/// </summary>
public sealed class LogKey : IDisposable
{
    public const string Variable = "PARLEY_LEDGER_KEY";
    private const string VaultName = "log-key";

    private LogKey(NoteSigner signer) => Signer = signer;

    public NoteSigner Signer { get; }
    public string Origin => Signer.Name;
    public string VerifierKey => Signer.Verifier.VerifierKey;

    /// <summary>Where releases before the vault kept the key, in plain text; moved into the vault at the next start.</summary>
    public static string LegacyPathIn(StoreSettings store) => System.IO.Path.Combine(store.DataDirectory, "ledger.key");

    /// <summary>The verifier key of the log key in use, without the secret and without creating one: null when there is none.</summary>
    public static NoteVerifier? ExistingVerifier(StoreSettings store)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            return NoteSigner.Parse(configured).Verifier;
        if (KeyVault.PublicValue(store, VaultName) is { } verifier)
            return NoteVerifier.Parse(verifier);
        var legacy = LegacyPathIn(store);
        return File.Exists(legacy) ? NoteSigner.Parse(File.ReadAllText(legacy)).Verifier : null;
    }

    public static LogKey Load(StoreSettings store, KeyVault vault)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            return new LogKey(NoteSigner.Parse(configured));
        if (vault.Read(VaultName) is { } kept)
            return new LogKey(NoteSigner.Parse(Encoding.UTF8.GetString(kept)));
        var legacy = LegacyPathIn(store);
        var signer = File.Exists(legacy)
            ? NoteSigner.Parse(File.ReadAllText(legacy))
            : NoteSigner.Generate(Environment.GetEnvironmentVariable("PARLEY_LEDGER_ORIGIN") is { Length: > 0 } o
                ? o : $"parley.local/log-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}");
        vault.Write(VaultName, Encoding.UTF8.GetBytes(signer.SignerKey), signer.Verifier.VerifierKey);
        // Only once the vault holds it is the plain copy an earlier release wrote removed.
        File.Delete(legacy);
        return new LogKey(signer);
    }

    public void Dispose() => Signer.Dispose();
}
