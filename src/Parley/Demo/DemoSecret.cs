using Parley.Record;

namespace Parley.Demo;

/// <summary>
/// A demo's key-encryption secret, so a demo stays one command: created once in the user's configuration folder
/// (outside the data folder, as every secret must be) and named on the console.
/// </summary>
public static class DemoSecret
{
    /// <summary>The secret kept as <paramref name="name"/> (a path under the configuration folder's "parley"), made on first use.</summary>
    public static KeySecret Load(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(path)!);
            OwnerOnly.WriteAllText(path, KeySecret.GenerateText() + "\n");
            Console.WriteLine($"Created the demo's key-encryption secret in {path} (outside the data folder; the keys in it open only with this file).");
        }
        else
            Console.WriteLine($"Using the demo's key-encryption secret in {path}.");
        return KeySecret.FromFile(path, "the demo secret");
    }

    public static string PathOf(string name)
    {
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(folder))
            throw new DomainException(new DomainError("secret", $"There is no home folder to keep the demo's key-encryption secret in; give one with --secret-file or ${KeySecret.FileVariable}."));
        return Path.Combine(folder, "parley", name);
    }
}
