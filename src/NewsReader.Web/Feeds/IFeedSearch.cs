namespace NewsReader.Feeds;

/// <summary>
/// What /search/feed asks for search results; the search area implements it over its full-text index.
/// </summary>
public interface IFeedSearch
{
    /// <summary>
    /// Ids of the articles matching the query, best match first, at most <paramref name="limit"/>; null when the search
    /// ran past its time budget and was stopped.
    /// </summary>
    Task<IReadOnlyList<long>?> SearchAsync(string query, int limit, CancellationToken ct);
}
