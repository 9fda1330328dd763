using System.CommandLine;
using Parley.Cli;
using Parley.Directory;
using Parley.Host;
using Parley.Record;

namespace Parley;

/// <summary>The `parley` verbs. Each verb that touches the store takes the same --data / --database options.</summary>
public static class CommandLine
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Folder for the SQLite store, keys and demo files (default ./parley-data)",
        Recursive = true,
    };

    public static readonly Option<string?> Database = new("--database")
    {
        Description = $"PostgreSQL connection string instead of SQLite (or set {StoreSettings.DatabaseVariable})",
        Recursive = true,
    };

    public static readonly Option<string?> SecretFile = new("--secret-file")
    {
        Description = $"File holding the key-encryption secret, outside the data folder (or set {KeySecret.FileVariable}, or {KeySecret.Variable})",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Parley: the verifiable record of parliamentary diplomacy.");
        root.Options.Add(Data);
        root.Options.Add(Database);
        root.Options.Add(SecretFile);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AccountCommands.User());
        root.Subcommands.Add(AccountCommands.Token());
        var import = DirectoryCommands.Import();
        import.Subcommands.Add(Engagements.HistoryCommands.Import());
        root.Subcommands.Add(import);
        var export = LedgerCommands.Export();
        foreach (var sub in DirectoryCommands.ExportVerbs())
            export.Subcommands.Add(sub);
        root.Subcommands.Add(export);
        root.Subcommands.Add(LedgerCommands.Verify());
        root.Subcommands.Add(LedgerCommands.Witness());
        root.Subcommands.Add(LedgerCommands.VerifyProof());
        root.Subcommands.Add(Correspondence.LetterCommands.VerifyLetter());
        root.Subcommands.Add(RecordCommands.Rebuild());
        root.Subcommands.Add(Calendars.CalendarCommands.Create());
        root.Subcommands.Add(KeyCommands.Create());
        root.Subcommands.Add(Federation.FederationCommands.Node());
        root.Subcommands.Add(Federation.FederationCommands.Peer());
        root.Subcommands.Add(Demo.FederationDemo.Create());
        return root;
    }

    public static StoreSettings Store(ParseResult result) =>
        StoreSettings.From(result.GetValue(Data), result.GetValue(Database), result.GetValue(SecretFile));

    /// <summary>Runs the verbs; a refusal from below (a missing secret, a damaged file) is one line naming what to fix.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return await Build().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (DomainException e)
        {
            return Fail(e.Error);
        }
    }

    /// <summary>Opens the store (applying migrations) and runs <paramref name="work"/> in a service scope.</summary>
    public static async Task<int> WithStoreAsync(
        ParseResult result, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole())
            .AddParley(Store(result));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.OpenStoreAsync(ct);
        return await work(scope.ServiceProvider, ct);
    }

    public static int Fail(DomainError error)
    {
        Console.Error.WriteLine($"error: {error.Field}: {error.Message}");
        return 1;
    }
}
