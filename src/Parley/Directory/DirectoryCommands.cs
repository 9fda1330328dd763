using System.CommandLine;
using Parley.Record;

namespace Parley.Directory;

public static class DirectoryCommands
{
    public static Command Import()
    {
        var folder = new Argument<string>("DIR") { Description = "A folder laid out like @unitedstates/congress-legislators" };
        var snapshot = new Option<string?>("--snapshot") { Description = "DIR holds a dated membership list (committees and memberships) valid on this date, e.g. 2019-09-12" };
        var congress = new Command("congress", "Import US Congress legislators, committees and memberships (idempotent)") { folder, snapshot };
        congress.SetAction((result, ct) => RunImportAsync(result, () =>
        {
            DateOnly? date = null;
            if (result.GetValue(snapshot) is { } text)
            {
                date = DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d) ? d
                    : throw new ImportException(result.GetValue(folder)!, 0, $"--snapshot: '{text}' is not a date like 2019-09-12.");
            }
            return CongressFiles.Read(result.GetValue(folder)!, date, Progress());
        }, "import:congress", ct));
        var file = new Argument<string>("FILE");
        var scheme = new Option<string>("--scheme")
        {
            Description = "The identifier scheme of the publisher's own ids (e.g. everypolitician); they are kept as identifiers of it",
            DefaultValueFactory = _ => "popolo",
        };
        var popolo = new Command("popolo", "Import people, organizations, memberships and posts from Popolo JSON (idempotent; reports what it could not place)") { file, scheme };
        popolo.SetAction((result, ct) => RunImportAsync(result, () => Popolo.Read(result.GetValue(file)!, result.GetValue(scheme)!), "import:popolo", ct));
        return new Command("import", "Import the directory and the record from outside sources") { congress, popolo };
    }

    /// <summary>
    /// The directory's verbs under `parley export`: given to that one command, not to one of their own, since a command
    /// with two parents takes the root's options (--data, --help) from neither.
    /// </summary>
    public static IEnumerable<Command> ExportVerbs()
    {
        var file = new Argument<string>("FILE") { Description = "Where to write the JSON ('-' for standard output)" };
        var popolo = new Command("popolo", "Export the directory as Popolo JSON") { file };
        popolo.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var document = await Popolo.ExportAsync(services.GetRequiredService<ParleyDb>(), token);
            var path = result.GetValue(file)!;
            await using var output = path == "-" ? Console.OpenStandardOutput() : File.Create(path);
            await Popolo.WriteAsync(document, output, token);
            if (path != "-")
                Console.WriteLine($"Wrote {document.Persons?.Count:N0} persons, {document.Organizations?.Count:N0} organizations and {document.Memberships?.Count:N0} memberships to {path}.");
            return 0;
        }, ct));
        yield return popolo;
    }

    /// <summary>Progress on standard error, in step with the import (Progress&lt;T&gt; would post it to the thread pool, late and out of order).</summary>
    internal static IProgress<string> Progress() => new SynchronousProgress(m => Console.Error.WriteLine(m));

    private static Task<int> RunImportAsync(ParseResult result, Func<DirectoryPlan> read, string actor, CancellationToken ct) =>
        CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            try
            {
                var plan = read();
                var outcome = await services.GetRequiredService<Recorder>().WriteAsync(actor,
                    async (scope, c) => Result<ImportSummary>.Ok(await PlanWriter.WriteAsync(scope, plan, Progress(), c)), token);
                Console.WriteLine(outcome.Value);
                if (plan.NotPlaced.Count > 0)
                {
                    Console.WriteLine($"Not placed ({plan.NotPlaced.Count:N0}):");
                    foreach (var line in plan.NotPlaced)
                        Console.WriteLine("  " + line);
                }
                return 0;
            }
            catch (ImportException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                Console.Error.WriteLine("Nothing was imported.");
                return 1;
            }
        }, ct);

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
