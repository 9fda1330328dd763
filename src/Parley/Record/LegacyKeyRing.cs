using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Parley.Record;

/// <summary>
/// The unencrypted Data Protection ring releases before the vault kept in <c>DATA/keys</c>. Those releases did not
/// name the application, so what they protected is bound to the folder the program ran from; this tries the
/// folder the program runs from now and, for an upgrade that also moved the install, <c>$PARLEY_PREVIOUS_INSTALL</c>.
/// Once every key it protected is sealed in the vault, the folder is deleted: left behind, it would open them.
/// </summary>
public sealed class LegacyKeyRing
{
    public const string PreviousInstallVariable = "PARLEY_PREVIOUS_INSTALL";

    /// <summary>Where those releases kept the ring, in the data folder.</summary>
    public const string FolderName = "keys";

    private readonly List<IDataProtectionProvider> _candidates = [];

    public LegacyKeyRing(StoreSettings store)
    {
        Folder = Path.Combine(store.DataDirectory, FolderName);
        if (!System.IO.Directory.Exists(Folder))
            return;
        var installs = new[] { Environment.GetEnvironmentVariable(PreviousInstallVariable), AppContext.BaseDirectory }
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .SelectMany(p => new[] { p!, p!.TrimEnd('/', '\\'), p!.TrimEnd('/', '\\') + Path.DirectorySeparatorChar })
            .Distinct(StringComparer.Ordinal);
        foreach (var install in installs)
            _candidates.Add(DataProtectionProvider.Create(new DirectoryInfo(Folder), b => b.SetApplicationName(install)));
    }

    public string Folder { get; }

    public bool Exists => _candidates.Count > 0;

    /// <summary>What an earlier release protected for <paramref name="purposes"/>, or null when this ring cannot open it.</summary>
    public byte[]? TryUnprotect(byte[] blob, params string[] purposes)
    {
        foreach (var candidate in _candidates)
        {
            try
            {
                return candidate.CreateProtector(purposes).Unprotect(blob);
            }
            catch (CryptographicException)
            {
                // Protected under another install folder's name: try the next.
            }
        }
        return null;
    }
}
