using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Parley.Record;

namespace Parley.Cli;

public static class RecordCommands
{
    public static Command Rebuild()
    {
        var command = new Command("rebuild", "Rebuild every projection from the events and prove it equals what was stored");
        command.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var db = services.GetRequiredService<ParleyDb>();
            var total = await db.Events.LongCountAsync(token);
            var progress = new Progress<long>(n => Console.Error.WriteLine($"replayed {n:N0} of {total:N0} events"));
            var outcome = await Parley.Record.Rebuild.RunAsync(db, progress, token);
            if (outcome.Divergence is { } divergence)
            {
                Console.Error.WriteLine($"error: the projections differ from a replay of the events: {divergence}");
                Console.Error.WriteLine("Nothing was changed.");
                return 1;
            }
            if (outcome.Repaired is { } repaired)
                Console.WriteLine($"Recreated a full-text index from its documents: {repaired}");
            Console.WriteLine($"Rebuilt the projections from {outcome.Events:N0} events: same result as stored.");
            return 0;
        }, ct));
        return command;
    }
}
