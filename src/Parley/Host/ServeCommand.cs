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
        var policy = new Option<string?>("--witness-policy") { Description = $"A C2SP tlog-policy file: the witnesses to call (those with a URL) and the quorum a checkpoint needs (or set {PolicyConfig.Variable})" };
        var smtp = new Option<string?>("--smtp") { Description = $"The SMTP server for invitations, smtp://host:port or smtps://host:port (or set {Mail.MailConfig.ServerVariable}); without one no mail is sent" };
        var from = new Option<string?>("--mail-from") { Description = $"The address Parley's mail comes from and invitations' organizer (or set {Mail.MailConfig.FromVariable})" };
        var command = new Command("serve", "Run the web app and the HTTP API") { urls, demo, policy, smtp, from };
        command.SetAction(async (result, ct) =>
        {
            var store = CommandLine.Store(result);
            if (result.GetValue(demo) && store.Secret is null && KeySecret.FromEnvironment() is null)
                store = store with { Secret = DemoSecret.Load("demo-secret") };
            var witnessing = PolicyConfig.From(result.GetValue(policy));
            var mail = Mail.MailConfig.Read(result.GetValue(smtp), result.GetValue(from));
            var app = ParleyWebApp.Build(store, result.GetValue(urls) ?? "http://localhost:5000", b =>
            {
                b.Services.AddSingleton(witnessing);
                b.Services.AddSingleton(mail);
            });
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.OpenStoreAsync(ct);
                if (result.GetValue(demo))
                {
                    var loaded = await DemoStory.LoadAsync(scope.ServiceProvider, ct);
                    if (!loaded.Succeeded)
                        return CommandLine.Fail(loaded.Error!);
                    Console.WriteLine(loaded.Value);
                }
            }
            Console.WriteLine($"Parley is using {(store.IsPostgres ? "PostgreSQL" : store.SqlitePath)}.");
            // The server without its user and password, which stay out of logs.
            Console.WriteLine(mail.Server is { } server ? $"Invitations are sent through {server.Scheme}://{server.Host}:{server.Port} from {mail.From}." : "No SMTP server (--smtp): no invitations are sent.");
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
