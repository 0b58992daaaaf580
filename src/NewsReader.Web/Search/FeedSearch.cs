namespace NewsReader.Search;

/// <summary>Search results for /search/feed, ranked by the same full-text search as the page.</summary>
public sealed class FeedSearch(SearchStore search) : Feeds.IFeedSearch
{
    public async Task<IReadOnlyList<long>?> SearchAsync(string query, int limit, CancellationToken ct)
    {
        try
        {
            return await search.ArticleIdsAsync(query, limit, ct);
        }
        catch (SearchOverBudgetException)
        {
            return null;
        }
    }
}
