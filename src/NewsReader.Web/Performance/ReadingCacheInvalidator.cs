using NewsReader.Ingestion;
using NewsReader.Store;

namespace NewsReader.Performance;

/// <summary>
/// Drops cached reading pages whenever an ingestion run changed articles, and whenever another node says it changed
/// something; counts this node's start as a change of what readers see.
/// </summary>
public sealed class ReadingCacheInvalidator(Ingester ingester, ReadingCache cache, ContentVersion version, NodeSignals signals, ILogger<ReadingCacheInvalidator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ingester.ArticlesChanged += OnArticlesChanged;
        signals.On(ReadingCache.Topic, OnOtherNodeChanged);

        // New code or new settings may render every page differently: readers' copies are no longer current, on any node.
        await GuardAsync(() => new ValueTask(version.ChangedAsync(cancellationToken)), "at start");
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        ingester.ArticlesChanged -= OnArticlesChanged;
        return Task.CompletedTask;
    }

    private void OnArticlesChanged() => _ = GuardAsync(() => cache.InvalidateAsync(), "after ingestion");

    private void OnOtherNodeChanged(string? primaryPosition) => _ = GuardAsync(() => cache.DropAsync(primaryPosition), "another node changed articles");

    private async Task GuardAsync(Func<ValueTask> drop, string why)
    {
        try
        {
            await drop();
        }
        catch (Exception e)
        {
            // The entries still expire on their own; a failed eviction must not break ingestion.
            logger.LogError(e, "Could not drop cached reading pages or count the change ({Why})", why);
        }
    }
}
