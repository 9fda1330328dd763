namespace Parley.Testing;

/// <summary>Finds ../shared (or $PARLEY_SHARED); tests that need it skip with the reason when it is absent.</summary>
internal static class SharedFolder
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_SHARED") is { Length: > 0 } configured)
            return System.IO.Directory.Exists(configured) ? configured : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "DESIGN.md")))
                return candidate;
        }
        return null;
    }

    public static string Require(string relative)
    {
        var root = Find();
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !(File.Exists(path) || System.IO.Directory.Exists(path)))
            Assert.Skip($"Skipped: {relative} was not found in ../shared (set PARLEY_SHARED to its folder).");
        return path!;
    }
}
