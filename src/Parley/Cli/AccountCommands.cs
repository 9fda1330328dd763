using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Parley.Access;
using Parley.Directory;
using Parley.Record;

namespace Parley.Cli;

public static class AccountCommands
{
    public static Command User()
    {
        var name = new Argument<string>("NAME") { Description = "User name to sign in with" };
        var institution = new Option<string>("--institution") { Description = "Institution id, identifier (scheme:value) or exact name", Required = true };
        var roles = new Option<string[]>("--role") { Description = "Role: " + string.Join(", ", Enum.GetValues<Role>().Select(r => r.Slug())), Required = true, AllowMultipleArgumentsPerToken = true };
        var display = new Option<string?>("--display-name") { Description = "Name shown on pages" };
        var add = new Command("add", "Create a user; the password is read from standard input, or generated and printed") { name, institution, roles, display };
        add.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var parsed = result.GetValue(roles)!.Select(r => (Text: r, Role: AccessRules.ParseRole(r))).ToList();
            if (parsed.FirstOrDefault(r => r.Role is null) is { Text: { } unknown })
                return CommandLine.Fail(new DomainError("role", $"Unknown role '{unknown}'. Roles: {string.Join(", ", Enum.GetValues<Role>().Select(r => r.Slug()))}."));
            var recorder = services.GetRequiredService<Recorder>();
            var institutionId = await DirectoryQueries.ResolveInstitutionAsync(recorder.Db, result.GetValue(institution)!, token);
            if (institutionId is null)
                return CommandLine.Fail(new DomainError("institution", $"No institution matches '{result.GetValue(institution)}'."));
            var generated = Console.IsInputRedirected ? null : Accounts.GeneratePassword();
            var password = generated ?? (await Console.In.ReadLineAsync(token))?.Trim() ?? "";
            var input = new NewAccount(result.GetValue(name)!, result.GetValue(display), institutionId.Value, parsed.Select(r => r.Role!.Value).ToList(), password);
            var users = services.GetRequiredService<UserManager<Credential>>();
            var outcome = await recorder.WriteAsync("cli", (scope, c) => CreateAccount.HandleAsync(scope, users, input, c), token);
            if (!outcome.Succeeded)
                return CommandLine.Fail(outcome.Error!);
            Console.WriteLine($"Created user {input.UserName} ({outcome.Value}).");
            if (generated is not null)
                Console.WriteLine($"Password: {generated}");
            return 0;
        }, ct));
        var user = new Command("user", "Manage users") { add };
        user.Subcommands.Add(RoleChange("grant", true));
        user.Subcommands.Add(RoleChange("revoke", false));
        return user;
    }

    private static Command RoleChange(string verb, bool grant)
    {
        var name = new Argument<string>("NAME");
        var role = new Argument<string>("ROLE");
        var command = new Command(verb, $"{(grant ? "Grant" : "Revoke")} a role") { name, role };
        command.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            if (AccessRules.ParseRole(result.GetValue(role)!) is not { } parsed)
                return CommandLine.Fail(new DomainError("role", $"Unknown role '{result.GetValue(role)}'."));
            var users = services.GetRequiredService<UserManager<Credential>>();
            var outcome = await services.GetRequiredService<Recorder>().WriteAsync("cli",
                (scope, c) => ChangeRole.HandleAsync(scope, users, result.GetValue(name)!, parsed, grant, c), token);
            if (!outcome.Succeeded)
                return CommandLine.Fail(outcome.Error!);
            Console.WriteLine($"{(grant ? "Granted" : "Revoked")} {parsed.Slug()} for {result.GetValue(name)}.");
            return 0;
        }, ct));
        return command;
    }

    public static Command Token()
    {
        var name = new Argument<string>("NAME") { Description = "The user the token acts as" };
        var label = new Option<string?>("--label") { Description = "What the token is for" };
        var create = new Command("create", "Issue a bearer token for the API; it is printed once, as the last line") { name, label };
        create.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var outcome = await services.GetRequiredService<Recorder>().WriteAsync("cli",
                (scope, c) => IssueToken.HandleAsync(scope, result.GetValue(name)!, result.GetValue(label), c), token);
            if (!outcome.Succeeded)
                return CommandLine.Fail(outcome.Error!);
            Console.WriteLine($"Token id: {outcome.Value.Id} (revoke with: parley token revoke {outcome.Value.Id})");
            Console.WriteLine(outcome.Value.Token);
            return 0;
        }, ct));
        var id = new Argument<string>("ID") { Description = "The token's id, or the token itself" };
        var revoke = new Command("revoke", "Revoke a bearer token") { id };
        revoke.SetAction((result, ct) => CommandLine.WithStoreAsync(result, async (services, token) =>
        {
            var outcome = await services.GetRequiredService<Recorder>().WriteAsync("cli",
                (scope, c) => RevokeToken.HandleAsync(scope, result.GetValue(id)!, c), token);
            if (!outcome.Succeeded)
                return CommandLine.Fail(outcome.Error!);
            Console.WriteLine($"Revoked token {outcome.Value}.");
            return 0;
        }, ct));
        return new Command("token", "Manage API tokens") { create, revoke };
    }
}
