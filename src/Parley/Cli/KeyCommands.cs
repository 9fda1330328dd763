using System.CommandLine;
using Parley.Record;

namespace Parley.Cli;

/// <summary>`parley keys`: the key-encryption secret and the vault it opens. None of these touch the database.</summary>
public static class KeyCommands
{
    public static Command Create()
    {
        var keys = new Command("keys", "The key-encryption secret and the keys it seals");
        keys.Subcommands.Add(NewSecret());
        keys.Subcommands.Add(Rotate());
        keys.Subcommands.Add(Export());
        keys.Subcommands.Add(Import());
        return keys;
    }

    private static Command NewSecret()
    {
        var file = new Argument<string>("FILE") { Description = "Where to write it (owner-only), outside every data folder" };
        var command = new Command("new-secret", "Write a new random key-encryption secret to FILE") { file };
        command.SetAction(result =>
        {
            var path = Path.GetFullPath(result.GetValue(file)!);
            if (File.Exists(path))
                return CommandLine.Fail(new DomainError("FILE", $"{path} exists; a secret is never overwritten (the keys sealed under it would be lost)."));
            OwnerOnly.CreateDirectory(Path.GetDirectoryName(path)!);
            OwnerOnly.WriteAllText(path, KeySecret.GenerateText() + "\n");
            Console.WriteLine($"Wrote a new key-encryption secret to {path}. Keep a copy apart from the data folder's backups; give it with --secret-file or ${KeySecret.FileVariable}.");
            return 0;
        });
        return command;
    }

    private static Command Rotate()
    {
        var next = new Option<string>("--new-secret-file") { Description = "The secret to seal under from now on", Required = true };
        var command = new Command("rotate", "Re-seal the store's keys under a new secret (give the current one as usual)") { next };
        command.SetAction(result =>
        {
            var store = CommandLine.Store(result);
            if (!File.Exists(KeyVault.PathIn(store)))
                return CommandLine.Fail(new DomainError("data", $"{store.DataDirectory} holds no sealed keys yet ({KeyVault.FileName})."));
            var vault = KeyVault.Open(store);
            var secret = KeySecret.FromFile(result.GetValue(next)!, "--new-secret-file");
            vault.Rotate(secret);
            Console.WriteLine($"Re-sealed the keys of store {vault.Store} under {secret.Source}; the previous secret no longer opens them.");
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var file = new Argument<string>("FILE") { Description = "The backup to write (owner-only)" };
        var to = new Option<string?>("--to-secret-file") { Description = "Seal the backup under this secret instead of the store's own" };
        var command = new Command("export", "Back up the data folder's keys, sealed, to restore on another machine with the database's backup") { file, to };
        command.SetAction(result =>
        {
            var store = CommandLine.Store(result);
            if (!File.Exists(KeyVault.PathIn(store)))
                return CommandLine.Fail(new DomainError("data", $"{store.DataDirectory} holds no sealed keys yet ({KeyVault.FileName})."));
            var vault = KeyVault.Open(store);
            var secret = result.GetValue(to) is { } path ? KeySecret.FromFile(path, "--to-secret-file") : store.Secret ?? KeySecret.FromEnvironment()!;
            var output = Path.GetFullPath(result.GetValue(file)!);
            vault.Export(secret, StoreServices.KeyRingIn(store), output);
            Console.WriteLine($"Wrote the keys of store {vault.Store} to {output}, sealed under {secret.Source}.");
            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "A backup from `parley keys export`" };
        var from = new Option<string?>("--from-secret-file") { Description = "The secret the backup is sealed under, when not this store's" };
        var command = new Command("import", "Restore exported keys into an empty data folder, sealed under this store's secret") { file, from };
        command.SetAction(result =>
        {
            var store = CommandLine.Store(result);
            var target = store.Secret ?? KeySecret.FromEnvironment()
                ?? throw new DomainException(new DomainError("secret", $"Give the secret to seal the imported keys under with --secret-file or ${KeySecret.FileVariable}."));
            var source = result.GetValue(from) is { } path ? KeySecret.FromFile(path, "--from-secret-file") : target;
            var input = Path.GetFullPath(result.GetValue(file)!);
            if (!File.Exists(input))
                return CommandLine.Fail(new DomainError("FILE", $"No such file: {input}."));
            var (id, ring) = KeyVault.Import(store, StoreServices.KeyRingIn(store), input, source, target);
            Console.WriteLine($"Restored the keys of store {id} ({ring} key-ring files) into {store.DataDirectory}, sealed under {target.Source}.");
            return 0;
        });
        return command;
    }
}
