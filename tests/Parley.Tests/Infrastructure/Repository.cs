namespace Parley.Tests.Infrastructure;

/// <summary>The repository the tests were built from (the folder above the test binaries holding Parley.slnx).</summary>
public static class Repository
{
    public static string Root { get; } = Find() ?? throw new InvalidOperationException("Parley.slnx was not found above the test binaries.");

    /// <summary>A path inside the repository, e.g. "tests/checkers".</summary>
    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Parley.slnx")))
                return dir.FullName;
        }
        return null;
    }
}
