using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Store;

namespace NewsReader.Performance;

/// <summary>
/// The output cache of reading pages. Anything that changes what readers see (ingestion, corrections) calls
/// <see cref="InvalidateAsync"/> so the next reader gets fresh pages, on this node and, through <see cref="NodeSignals"/>,
/// on every other node sharing the database.
/// </summary>
public sealed class ReadingCache(IOutputCacheStore store, ContentVersion version, NodeSignals signals)
{
    public const string Tag = "reading-pages";

    /// <summary>The signal other nodes send when they invalidated theirs.</summary>
    public const string Topic = "reading-cache";

    public async ValueTask InvalidateAsync(CancellationToken ct = default)
    {
        await DropAsync(ct);
        await signals.SendAsync(Topic, ct);
    }

    /// <summary>Drops this node's cached pages and moves its version on (another node's change, heard through a signal).</summary>
    public ValueTask DropAsync(CancellationToken ct = default)
    {
        version.Bump();
        return store.EvictByTagAsync(Tag, ct);
    }
}
