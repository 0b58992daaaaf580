using Microsoft.AspNetCore.OutputCaching;

namespace NewsReader.Performance;

/// <summary>
/// The output cache of reading pages. Anything that changes what readers see (ingestion, corrections) calls
/// <see cref="InvalidateAsync"/> so the next reader gets fresh pages.
/// </summary>
public sealed class ReadingCache(IOutputCacheStore store, ContentVersion version)
{
    public const string Tag = "reading-pages";

    public ValueTask InvalidateAsync(CancellationToken ct = default)
    {
        version.Bump();
        return store.EvictByTagAsync(Tag, ct);
    }
}
