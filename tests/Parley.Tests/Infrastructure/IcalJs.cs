using System.Text.Json;

namespace Parley.Tests.Infrastructure;

/// <summary>
/// Mozilla's ical.js (the parser behind Thunderbird) reading a file Parley wrote, with only the file's own time zones
/// (tests/checkers/ical-instants.mjs). test.sh installs the checkers; a test run on its own installs them on first use.
/// </summary>
public static class IcalJs
{
    public sealed record Stamp(string Value, bool Utc);

    public sealed record Event(string Uid, int Sequence, string? Status, Stamp? Dtstamp, Stamp? LastModified, string? RecurrenceId, string[] Occurrences);

    public sealed record Duration(string Type, string Value);

    public sealed record Reading(Duration? RefreshInterval, string[] Zones, Event[] Events);

    private static readonly SemaphoreSlim Installing = new(1, 1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Reading> ReadAsync(string ics)
    {
        var checkers = await CheckersAsync();
        var file = Path.Combine(Path.GetTempPath(), $"parley-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics);
        try
        {
            var (code, output, error) = await Processes.RunAsync("node", checkers, "ical-instants.mjs", file);
            Assert.True(code == 0, $"ical.js could not read the file: {error}\n{ics}");
            return JsonSerializer.Deserialize<Reading>(output, Json)!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> CheckersAsync()
    {
        var folder = Find() ?? throw new InvalidOperationException("tests/checkers was not found above the test binaries.");
        await Installing.WaitAsync();
        try
        {
            if (!System.IO.Directory.Exists(Path.Combine(folder, "node_modules", "ical.js")))
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

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "checkers");
            if (File.Exists(Path.Combine(candidate, "package.json")))
                return candidate;
        }
        return null;
    }
}
