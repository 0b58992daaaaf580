using Microsoft.AspNetCore.OutputCaching;
using NewsReader.Store;

namespace NewsReader.Performance;

/// <summary>
/// The output cache of reading pages. Anything that changes what readers see (ingestion, corrections) calls
/// <see cref="InvalidateAsync"/> so the next reader gets fresh pages, on this node and, through <see cref="NodeSignals"/>,
/// on every other node sharing the database.
/// </summary>
public sealed class ReadingCache(IOutputCacheStore store, ContentVersion version, ReplicaCatchUp replica)
{
    public const string Tag = "reading-pages";

    /// <summary>The signal other nodes send when they invalidated theirs.</summary>
    public const string Topic = "reading-cache";

    /// <summary>
    /// After a change is committed: drops this node's pages at once (before the caller's first await), announces the change
    /// (every node's ETags move on, and the other nodes drop theirs), and drops the pages again once the read replica holds
    /// the change when there is one (pages rendered from it meanwhile were from before).
    /// </summary>
    public async ValueTask InvalidateAsync(CancellationToken ct = default)
    {
        await DropAsync(null, ct);
        if (await version.AnnounceChangeAsync(ct) is { } position)
        {
            await DropAsync(position, ct);
        }
    }

    /// <summary>
    /// Drops this node's cached pages and moves its version on (another node's change, heard through a signal, carries
    /// the primary's write position to wait for; null: drop now).
    /// </summary>
    public async ValueTask DropAsync(string? primaryPosition = null, CancellationToken ct = default)
    {
        await replica.WaitAsync(primaryPosition, ct);
        version.Bump();
        await store.EvictByTagAsync(Tag, ct);
    }
}
