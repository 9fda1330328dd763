using System.CommandLine;
using Parley.Demo;
using Parley.Record;

namespace Parley.Host;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (default http://localhost:5000)" };
        var demo = new Option<bool>("--demo") { Description = "Load the demo story (the Moscow letter, August 2018) into an empty store" };
        var command = new Command("serve", "Run the web app and the HTTP API") { urls, demo };
        command.SetAction(async (result, ct) =>
        {
            var store = CommandLine.Store(result);
            var app = ParleyWebApp.Build(store, result.GetValue(urls) ?? "http://localhost:5000");
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ParleyDb>().MigrateAsync(ct);
                if (result.GetValue(demo))
                {
                    var loaded = await DemoStory.LoadAsync(scope.ServiceProvider, ct);
                    if (!loaded.Succeeded)
                        return CommandLine.Fail(loaded.Error!);
                    Console.WriteLine(loaded.Value);
                }
            }
            Console.WriteLine($"Parley is using {(store.IsPostgres ? "PostgreSQL" : store.SqlitePath)}.");
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
