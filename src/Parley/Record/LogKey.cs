using System.Security.Cryptography;
using Parley.Ledger;

namespace Parley.Record;

/// <summary>
/// The log's Ed25519 signing key: from $PARLEY_LEDGER_KEY, else the data folder's ledger.key, created on
/// first start (readable by the owner only). Its name is the log's origin. The private key is never served
/// or logged; only <see cref="VerifierKey"/> leaves the process.
/// </summary>
public sealed class LogKey : IDisposable
{
    public const string Variable = "PARLEY_LEDGER_KEY";

    private LogKey(NoteSigner signer) => Signer = signer;

    public NoteSigner Signer { get; }
    public string Origin => Signer.Name;
    public string VerifierKey => Signer.Verifier.VerifierKey;

    public static string PathIn(StoreSettings store) => System.IO.Path.Combine(store.DataDirectory, "ledger.key");

    /// <summary>The key in use, without creating one: null when neither the variable nor the file exists.</summary>
    public static LogKey? Existing(StoreSettings store)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
            return new LogKey(NoteSigner.Parse(configured));
        var path = PathIn(store);
        return File.Exists(path) ? new LogKey(NoteSigner.Parse(File.ReadAllText(path))) : null;
    }

    public static LogKey Load(StoreSettings store)
    {
        if (Existing(store) is { } existing)
            return existing;
        var path = PathIn(store);
        var origin = Environment.GetEnvironmentVariable("PARLEY_LEDGER_ORIGIN") is { Length: > 0 } o
            ? o : $"parley.local/log-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var signer = NoteSigner.Generate(origin);
        System.IO.Directory.CreateDirectory(store.DataDirectory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(path, options))
            writer.WriteLine(signer.SignerKey);
        return new LogKey(signer);
    }

    public void Dispose() => Signer.Dispose();
}
