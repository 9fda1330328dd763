namespace Parley.Tests.Infrastructure;

/// <summary>
/// tests/checkers: implementations Parley did not write (ical.js, swagger-parser, Ajv, Redocly), which tests read Parley's
/// output with. test.sh installs them; a test run on its own installs them (npm ci) on first use.
/// </summary>
public static class Checkers
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static async Task<string> FolderAsync()
    {
        var folder = Repository.Path("tests/checkers");
        await Installing.WaitAsync();
        try
        {
            var packages = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "package.json")))
                .RootElement.GetProperty("dependencies").EnumerateObject().Select(p => p.Name);
            if (packages.Any(p => !System.IO.Directory.Exists(Path.Combine(folder, "node_modules", p))))
            {
                Console.WriteLine("Installing the independent checkers (npm ci in tests/checkers)...");
                var (code, _, error) = await Processes.RunAsync("npm", folder, "ci", "--no-audit", "--no-fund");
                Assert.True(code == 0, $"npm ci in {folder} failed: {error}");
            }
        }
        finally
        {
            Installing.Release();
        }
        return folder;
    }
}
