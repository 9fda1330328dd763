using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Parley.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run: $PARLEY_TEST_POSTGRES if set, otherwise one started from the
/// machine's initdb/pg_ctl in a temporary folder (as the postgres user when running as root) and stopped at exit.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);

    public static Task<string> AdminConnectionAsync() => Server.Value;

    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await AdminConnectionAsync();
        var name = "parley_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("PARLEY_TEST_POSTGRES") is { Length: > 0 } given)
            return given;
        var dir = Path.Combine(Path.GetTempPath(), "parley-pg-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        var root = Environment.UserName == "root";
        if (root)
            await RunAsync("chown", $"postgres {dir}");
        var port = FreePort();
        await RunAsync(root, "initdb", $"-D {dir}/data -A trust -U parley --no-sync");
        // Every test database keeps its own pool of idle connections for minutes, so the default 100 connections ran out
        // late in a full run ("too many clients"); the test cluster allows more.
        await RunAsync(root, "pg_ctl", $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400\" start");
        // Each run's cluster is about a gigabyte: stop it and remove its folder, or a day of runs fills /tmp.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Process.Start(root ? "runuser" : "pg_ctl", (root ? "-u postgres -- pg_ctl " : "") + $"-D {dir}/data -m immediate stop")?.WaitForExit(10_000);
            try
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A server that did not stop in time keeps its files; the next boot's /tmp cleaning removes them.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=parley;Database=postgres;Pooling=true;Include Error Detail=true";
    }

    private static Task RunAsync(bool asPostgres, string tool, string args) =>
        asPostgres ? RunAsync("runuser", $"-u postgres -- {tool} {args}") : RunAsync(tool, args);

    private static async Task RunAsync(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {args} failed ({process.ExitCode}): {await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
