using System.CommandLine;
using System.CommandLine.Help;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Record;

/// <summary>The `parley` verbs as an operator types them: the store's options anywhere on the line, and --help only ever help.</summary>
public sealed class CommandLineTests
{
    /// <summary>Every verb that does something, with the words that lead to it.</summary>
    private static IEnumerable<(string[] Path, Command Verb)> Verbs(Command command, string[] path)
    {
        foreach (var sub in command.Subcommands)
        {
            string[] here = [.. path, sub.Name];
            if (sub.Action is not null)
                yield return (here, sub);
            foreach (var deeper in Verbs(sub, here))
                yield return deeper;
        }
    }

    private static string Placeholder(Type type) =>
        type == typeof(Guid) || type == typeof(Guid?) ? Guid.Empty.ToString()
        : type == typeof(long) || type == typeof(int) || type == typeof(long?) || type == typeof(int?) ? "1"
        : "x";

    [Fact]
    public void Every_verb_takes_the_store_options_after_it_and_answers_help_to_help()
    {
        var root = Parley.CommandLine.Build();
        var faults = new List<string>();
        var verbs = Verbs(root, []).ToList();
        foreach (var (path, verb) in verbs)
        {
            var words = string.Join(' ', path);
            // Placeholders for the verb's arguments and required options: the parse, not the run, is under test.
            string[] arguments = [.. verb.Arguments.Select(a => Placeholder(a.ValueType))];
            string[] required = [.. verb.Options.Where(o => o.Required).SelectMany(o => new[] { o.Name, Placeholder(o.ValueType) })];
            var after = root.Parse([.. path, .. arguments, .. required, "--data", "/tmp/somewhere", "--secret-file", "/tmp/secret"]);
            if (after.Errors.Count > 0)
                faults.Add($"{words} … --data DIR: {string.Join("; ", after.Errors.Select(e => e.Message))}");
            else if (after.GetValue(Parley.CommandLine.Data) != "/tmp/somewhere")
                faults.Add($"{words} … --data DIR: the option was not read");
            foreach (var line in new string[][] { [.. path, "--help"], [.. path, .. arguments, "--help"] })
            {
                if (root.Parse(line).Action is not HelpAction)
                    faults.Add($"{string.Join(' ', line)}: not help");
            }
        }
        Assert.True(verbs.Count > 20, $"only {verbs.Count} verbs found");
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public async Task Export_popolo_reads_the_data_folder_given_after_the_verb_and_help_writes_no_file()
    {
        var install = ParleyProcess.Install("cli-options");
        var folder = Path.Combine(Path.GetTempPath(), $"parley-cli-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        var secret = ParleyServer.SecretFile();
        var file = Path.Combine(folder, "directory.json");

        var (code, output) = await ParleyProcess.RunAsync(install, ["export", "popolo", file, "--data", Path.Combine(folder, "data"), "--secret-file", secret]);
        Assert.True(code == 0, output);
        Assert.Contains("\"persons\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        Assert.True(System.IO.Directory.Exists(Path.Combine(folder, "data")), "the store was not opened in the folder given after the verb");

        (code, output) = await ParleyProcess.RunAsync(install, ["export", "popolo", "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--data", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(install, "--help")), "--help was taken for a file name");
    }
}
