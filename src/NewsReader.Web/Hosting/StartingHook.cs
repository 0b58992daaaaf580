namespace NewsReader.Hosting;

/// <summary>
/// Work that must be done while the host is starting, before any hosted service's <c>StartAsync</c> runs (the schema
/// before the watcher reads a table, the first key before Data Protection loads its ring).
/// </summary>
public abstract class StartingHook : IHostedLifecycleService
{
    public abstract Task StartingAsync(CancellationToken cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
