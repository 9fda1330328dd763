using System.Diagnostics;

namespace Parley.Tests.Infrastructure;

/// <summary>A program other than parley (node, npm, dotnet run) run to its end in a folder, within two minutes.</summary>
public static class Processes
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var (output, error) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
