using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsReader.Store;

namespace NewsReader.Ingestion;

/// <summary>
/// Ingests the seeds folder at start-up, then keeps it in step: file-system events ingest new and changed files
/// within a second, and a periodic rescan catches whatever the events missed (network shares, overflowed buffers).
/// Of several nodes on one PostgreSQL database only the one holding <see cref="IngesterLock"/> does this; the others
/// ask for the lock every few seconds and take over when its holder stops.
/// </summary>
public sealed class SeedWatcher(Ingester ingester, NodeLocks locks, NodeSignals signals, IOptions<NewsReaderOptions> options, ILogger<SeedWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(3);

    // A null entry asks for a full rescan (deletes and renames need one to see what went away).
    private readonly Channel<string?> _changes = Channel.CreateUnbounded<string?>(new UnboundedChannelOptions { SingleReader = true });

    private readonly TaskCompletionSource _firstScan = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The configured rescan interval; a zero or negative one (a typo in configuration) falls back to a minute instead of stopping the app.</summary>
    private TimeSpan RescanInterval => options.Value.RescanInterval > TimeSpan.Zero ? options.Value.RescanInterval : TimeSpan.FromMinutes(1);

    /// <summary>Completes when the start-up scan of the seeds folder has finished.</summary>
    public Task FirstScan => _firstScan.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and Kestrel listen) before the first, possibly long, scan.
        await Task.Yield();
        try
        {
            if (options.Value.WatchSeeds)
            {
                await IngestWhileHoldingTheLockAsync(stoppingToken);
            }
        }
        finally
        {
            // Whatever happened (no seeds folder, shutdown), whoever waits for the first scan is released.
            _firstScan.TrySetResult();
        }
    }

    private async Task IngestWhileHoldingTheLockAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await using var lease = await WaitForTheLockAsync(stoppingToken);
            logger.LogInformation("This node ({Node}) is the ingester", signals.NodeId);
            using var held = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
            try
            {
                await WatchAsync(lease, held.Token);
            }
            catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                // Asks for the lock again, below.
            }

            if (stoppingToken.IsCancellationRequested || !lease.Lost.IsCancellationRequested)
            {
                return;
            }

            logger.LogWarning("This node ({Node}) lost the ingester lock and stopped ingesting; it will ask for the lock again", signals.NodeId);
        }
    }

    private async Task<INodeLease> WaitForTheLockAsync(CancellationToken stoppingToken)
    {
        var told = false;
        while (true)
        {
            try
            {
                if (await locks.TryTakeAsync(IngesterLock.Key, stoppingToken) is { } lease)
                {
                    return lease;
                }

                if (!told)
                {
                    logger.LogInformation("Another node ingests the seeds folder; this node ({Node}) takes over if it stops", signals.NodeId);
                    told = true;
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException)
            {
                logger.LogWarning(e, "Could not ask for the ingester lock; asking again in {Retry}", IngesterLock.Retry);
            }

            await Task.Delay(IngesterLock.Retry, stoppingToken);
        }
    }

    private async Task WatchAsync(INodeLease lease, CancellationToken stoppingToken)
    {
        var root = Path.GetFullPath(options.Value.SeedsPath);
        try
        {
            Directory.CreateDirectory(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The reading pages still serve what the database holds; a bad seeds path must not stop the app.
            logger.LogError(e, "Seeds folder {Seeds} cannot be created; nothing will be ingested", root);
            return;
        }

        // Watching starts before the first scan, so a file dropped or deleted while the scan runs (minutes, for a large
        // folder) is seen as soon as it ends rather than at the next rescan.
        using var watcher = StartWatcher(root);
        await ScanAsync(lease, root, stoppingToken);
        _firstScan.TrySetResult();

        using var rescan = new PeriodicTimer(RescanInterval);
        var tick = rescan.WaitForNextTickAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = _changes.Reader.WaitToReadAsync(stoppingToken).AsTask();
            if (await Task.WhenAny(read, tick) == tick)
            {
                await ScanAsync(lease, root, stoppingToken);
                tick = rescan.WaitForNextTickAsync(stoppingToken).AsTask();
                continue;
            }

            var (paths, full) = await SettledBatchAsync(stoppingToken);
            if (full)
            {
                await ScanAsync(lease, root, stoppingToken);
                continue;
            }

            foreach (var path in paths.Where(p => File.Exists(p) && !Ingester.IsHidden(root, p) && !SeedFiles.IsPageResource(p)))
            {
                await StillHeldAsync(lease, stoppingToken);
                await GuardAsync(() => ingester.IngestFileAsync(path, stoppingToken));
            }
        }
    }

    /// <summary>File-system events, or null when they cannot be had (inotify limits): the periodic rescan then does the work.</summary>
    private FileSystemWatcher? StartWatcher(string root)
    {
        try
        {
            var watcher = new FileSystemWatcher(root)
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
            return watcher;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            logger.LogWarning(e, "Cannot watch {Seeds}; rescanning every {Interval} instead", root, RescanInterval);
            return null;
        }
    }

    /// <summary>
    /// Editors and copy tools write a file in several bursts: collect events until none came for a short while
    /// (but no longer than a few seconds, so a file written forever cannot starve the others).
    /// </summary>
    private async Task<(HashSet<string> Paths, bool Full)> SettledBatchAsync(CancellationToken ct)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var full = false;
        var deadline = DateTime.UtcNow + MaxSettle;
        do
        {
            while (_changes.Reader.TryRead(out var path))
            {
                // A null asks for a rescan; so does a new folder, whose files may have landed before it was watched, and a
                // name that is not UTF-8, which only a listing by raw bytes (RawFileNames) can open.
                full |= path is null || Directory.Exists(path) || path.Contains('\uFFFD', StringComparison.Ordinal);
                if (path is not null)
                {
                    paths.Add(path);
                }
            }
        }
        while (DateTime.UtcNow < deadline && await MoreWithinAsync(Debounce, ct));

        return (paths, full);
    }

    private async Task<bool> MoreWithinAsync(TimeSpan wait, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            return await _changes.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Before each write: stops (as if cancelled) when another node may hold the ingester lock by now.</summary>
    private static async Task StillHeldAsync(INodeLease lease, CancellationToken ct)
    {
        if (!await lease.StillHeldAsync(ct))
        {
            throw new OperationCanceledException(lease.Lost);
        }
    }

    private async Task ScanAsync(INodeLease lease, string root, CancellationToken ct)
    {
        await StillHeldAsync(lease, ct);
        await GuardAsync(async () =>
        {
            var summary = await ingester.IngestFolderAsync(root, ct);
            // A rescan that found nothing new is the usual case, every minute: it is not news for the log.
            var changed = summary.Outcomes.Any(o => o.IsNews) || summary.MarkedMissing > 0;
            logger.Log(
                changed ? LogLevel.Information : LogLevel.Debug,
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
