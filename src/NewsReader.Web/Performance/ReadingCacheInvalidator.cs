using NewsReader.Ingestion;

namespace NewsReader.Performance;

/// <summary>Drops cached reading pages whenever an ingestion run changed articles.</summary>
public sealed class ReadingCacheInvalidator(Ingester ingester, ReadingCache cache, ILogger<ReadingCacheInvalidator> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ingester.ArticlesChanged += OnArticlesChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        ingester.ArticlesChanged -= OnArticlesChanged;
        return Task.CompletedTask;
    }

    private void OnArticlesChanged() => _ = InvalidateAsync();

    private async Task InvalidateAsync()
    {
        try
        {
            await cache.InvalidateAsync();
        }
        catch (Exception e)
        {
            // The entries still expire on their own; a failed eviction must not break ingestion.
            logger.LogError(e, "Could not drop cached reading pages after ingestion");
        }
    }
}
