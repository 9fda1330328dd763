using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Parley.Tests.Infrastructure;

/// <summary>
/// The program as an operator runs it: a copy of the build in a folder of its own (its assemblies, its native
/// libraries for this machine), started as a real `parley` process with its own home folder and no PARLEY_*
/// variables but those a test gives.
/// </summary>
public sealed class ParleyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();
    private bool _disposed;

    private ParleyProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>Copies the program into a new folder, as a release unpacked elsewhere would be.</summary>
    public static string Install(string name)
    {
        var from = AppContext.BaseDirectory;
        var to = Path.Combine(Path.GetTempPath(), $"parley-install-{name}-{Guid.NewGuid():N}"[..40]);
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from, "*.dll").Concat(["parley.deps.json", "parley.runtimeconfig.json"]))
            File.Copy(Path.Combine(from, file), Path.Combine(to, Path.GetFileName(file)));
        var native = Path.Combine(from, "runtimes", "linux-x64");
        foreach (var file in System.IO.Directory.GetFiles(native, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, "runtimes", "linux-x64", Path.GetRelativePath(native, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return to;
    }

    /// <summary>Runs one verb to its end.</summary>
    public static Task<(int Code, string Output)> RunAsync(string install, params string[] args) => RunAsync(install, null, args);

    /// <summary>Runs one verb to its end, with <paramref name="input"/> on its standard input.</summary>
    public static Task<(int Code, string Output)> RunAsync(string install, string? input, params string[] args) => RunWithAsync(install, null, input, args);

    /// <summary>Runs one verb to its end with these variables set (and <paramref name="input"/> on its standard input).</summary>
    public static async Task<(int Code, string Output)> RunWithAsync(string install, IReadOnlyDictionary<string, string>? environment, string? input, params string[] args)
    {
        using var process = Start(install, args, input, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts `serve` on a free loopback port and waits until /health answers.</summary>
    public static Task<ParleyProcess> ServeAsync(string install, params string[] args) => ServeAsync(install, null, null, args);

    /// <summary>Starts `serve` with these variables, on <paramref name="port"/> (or a free one).</summary>
    public static async Task<ParleyProcess> ServeAsync(string install, IReadOnlyDictionary<string, string>? environment, int? port, params string[] args)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var process = Start(install, ["serve", "--urls", address.ToString().TrimEnd('/'), .. args], null, environment);
        var running = new ParleyProcess(process, address);
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"parley serve exited with {process.ExitCode}:\n{running.Output}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    return running;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or starting so slowly on a loaded machine that one try timed out: try again until the deadline.
            }
            await Task.Delay(250);
        }
        await running.DisposeAsync();
        throw new TimeoutException($"parley serve did not answer /health within two minutes:\n{running.Output}");
    }

    /// <summary>Starts a long-running verb (not `serve`), its output kept; <see cref="Address"/> means nothing for it.</summary>
    public static ParleyProcess Launch(string install, params string[] args)
    {
        var process = Start(install, args);
        var running = new ParleyProcess(process, new Uri("http://127.0.0.1/"));
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>SIGINT, as Ctrl+C in a terminal would send it; returns the exit code once the process ended (within a minute).</summary>
    public async Task<int> InterruptAsync()
    {
        using (var signal = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await signal.WaitForExitAsync();
        using var grace = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(grace.Token);
        return _process.ExitCode;
    }

    /// <summary>A loopback port with the next <paramref name="count"/> − 1 ports free too.</summary>
    public static int FreePorts(int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var first = FreePort();
            if (first + count <= 65535 && Enumerable.Range(first + 1, count - 1).All(Free) || attempt == 50)
                return first;
        }
    }

    private static bool Free(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Process Start(string install, string[] args, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        info.ArgumentList.Add(Path.Combine(install, "parley.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var variable in info.Environment.Keys.Where(k => k.StartsWith("PARLEY_", StringComparison.Ordinal) || k == "CREDENTIALS_DIRECTORY").ToList())
            info.Environment.Remove(variable);
        var home = Path.Combine(install, "home");
        System.IO.Directory.CreateDirectory(home);
        info.Environment["HOME"] = home;
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        info.WorkingDirectory = install;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        var process = Process.Start(info)!;
        if (input is not null)
            process.StandardInput.WriteLine(input);
        process.StandardInput.Close();
        return process;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.WriteLine(line);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: the process ends where it stands, nothing flushed, as after a power cut.</summary>
    public async Task KillAsync()
    {
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            // SIGTERM, as systemd stops it; a process that does not stop in ten seconds is killed.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }
}
