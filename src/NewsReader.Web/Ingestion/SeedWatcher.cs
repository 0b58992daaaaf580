using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace NewsReader.Ingestion;

/// <summary>
/// Ingests the seeds folder at start-up, then keeps it in step: file-system events ingest new and changed files
/// within a second, and a periodic rescan catches whatever the events missed (network shares, overflowed buffers).
/// </summary>
public sealed class SeedWatcher(Ingester ingester, IOptions<NewsReaderOptions> options, ILogger<SeedWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    // A null entry asks for a full rescan (deletes and renames need one to see what went away).
    private readonly Channel<string?> _changes = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });

    private readonly TaskCompletionSource _firstScan = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the start-up scan of the seeds folder has finished.</summary>
    public Task FirstScan => _firstScan.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and Kestrel listen) before the first, possibly long, scan.
        await Task.Yield();
        if (!options.Value.WatchSeeds)
        {
            _firstScan.TrySetResult();
            return;
        }

        var root = Path.GetFullPath(options.Value.SeedsPath);
        Directory.CreateDirectory(root);
        await ScanAsync(root, stoppingToken);
        _firstScan.TrySetResult();

        using var watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Changed += (_, e) => _changes.Writer.TryWrite(e.FullPath);
        watcher.Deleted += (_, _) => _changes.Writer.TryWrite(null);
        watcher.Renamed += (_, _) => _changes.Writer.TryWrite(null);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning(e.GetException(), "Seeds watcher lost events; rescanning");
            _changes.Writer.TryWrite(null);
        };
        watcher.EnableRaisingEvents = true;
        logger.LogInformation("Watching {Seeds} for new and changed articles", root);

        using var rescan = new PeriodicTimer(options.Value.RescanInterval);
        var tick = rescan.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = _changes.Reader.WaitToReadAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(read, tick) == tick)
            {
                await ScanAsync(root, stoppingToken);
                tick = rescan.WaitForNextTickAsync(stoppingToken).AsTask();
                continue;
            }

            // Editors and copy tools write a file in several bursts: wait for them to settle, then take the batch.
            await Task.Delay(Debounce, stoppingToken);
            var paths = new HashSet<string>(StringComparer.Ordinal);
            var full = false;
            while (_changes.Reader.TryRead(out var path))
            {
                full |= path is null;
                if (path is not null)
                {
                    paths.Add(path);
                }
            }

            if (full)
            {
                await ScanAsync(root, stoppingToken);
                continue;
            }

            foreach (var path in paths.Where(p => File.Exists(p) && !Ingester.IsHidden(root, p)))
            {
                await GuardAsync(() => ingester.IngestFileAsync(path, stoppingToken));
            }
        }
    }

    private async Task ScanAsync(string root, CancellationToken ct)
    {
        await GuardAsync(async () =>
        {
            var summary = await ingester.IngestFolderAsync(root, ct);
            logger.LogInformation(
                "Scanned {Seeds}: {Ingested} ingested, {Revised} revised, {Unchanged} unchanged, {Failed} failed, {Missing} missing",
                root, summary.Count(IngestionResult.Ingested), summary.Count(IngestionResult.Revised),
                summary.Count(IngestionResult.Unchanged), summary.Count(IngestionResult.Failed), summary.MarkedMissing);
        });
    }

    /// <summary>Nothing a file does may stop the watcher; the error is logged and the next event is served.</summary>
    private async Task GuardAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Ingestion failed");
        }
    }
}
