using System.CommandLine;
using Parley.Directory;
using Parley.Record;

namespace Parley.Engagements;

/// <summary>`parley import history DIR`.</summary>
public static class HistoryCommands
{
    public static Command Import()
    {
        var folder = new Argument<string>("DIR") { Description = "A folder holding travels/ and visits/ as the Office of the Historian publishes them (HistoryAtState/travels and /visits)" };
        var command = new Command("history", "Import the State Department's records of the President's and the Secretary of State's travels and of foreign leaders' visits (idempotent; reports each decision about a person)") { folder };
        command.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var progress = DirectoryCommands.Progress();
            try
            {
                var records = HistoryFiles.Read(result.GetValue(folder)!, progress);
                HistoryPlan? plan = null;
                var outcome = await services.GetRequiredService<Recorder>().WriteAsync("import:history",
                    async (scope, c) => Result<HistoryOutcome>.Ok(await ImportHistory.HandleAsync(scope, records, progress, p => plan = p, c)), token);
                Console.WriteLine(outcome.Value);
                Report("Decisions about people", plan!.Decisions);
                Report("Not placed", plan.NotPlaced);
                return 0;
            }
            catch (ImportException e)
            {
                Console.Error.WriteLine($"error: {e.File}:{e.Line}: {e.Reason}");
                Console.Error.WriteLine("Nothing was imported.");
                return 1;
            }
        }, ct));
        return command;
    }

    private static void Report(string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
            return;
        Console.WriteLine($"{heading} ({lines.Count:N0}):");
        foreach (var line in lines)
            Console.WriteLine("  " + line);
    }
}
