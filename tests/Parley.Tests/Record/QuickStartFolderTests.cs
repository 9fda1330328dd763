using Parley.Tests.Infrastructure;

namespace Parley.Tests.Record;

/// <summary>
/// The README's quick start, `dotnet run --project src/Parley -- serve --demo` from the repository root, keeps its data in
/// ./parley-data of the folder it is typed in, as the README says (the SDK used to run it in src/Parley, where the data
/// then went instead).
/// </summary>
public sealed class QuickStartFolderTests
{
    [Fact]
    public async Task Dotnet_run_keeps_the_data_folder_where_the_command_was_typed()
    {
        var root = new DirectoryInfo(Repository.Root);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var typedIn = System.IO.Directory.CreateTempSubdirectory("parley-quickstart-").FullName;
        try
        {
            // verify on an empty folder creates the store's folder and says which (it has no log key yet): no server to stop.
            var (_, output, error) = await Processes.RunAsync("dotnet", typedIn,
                "run", "--project", Path.Combine(root.FullName, "src", "Parley"), "-c", configuration, "--no-build", "--", "verify");
            var said = output + error;
            Assert.True(System.IO.Directory.Exists(Path.Combine(typedIn, "parley-data")), said);
            Assert.Contains(Path.Combine(typedIn, "parley-data"), said, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(typedIn, recursive: true);
        }
    }
}
