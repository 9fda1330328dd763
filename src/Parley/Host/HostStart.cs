namespace Parley.Host;

public static class HostStart
{
    /// <summary>
    /// Until the host has started and answers: a background service's first round waits for it rather than compete with
    /// the start for the cores (a round reads the store and warms code a request does not need yet).
    /// </summary>
    public static async Task StartedAsync(this IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct);
    }
}
