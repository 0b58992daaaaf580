namespace NewsReader.Search;

/// <summary>
/// A query with what every index needs to run it: the outlet filter resolved to its id, the date filter as a range of
/// <see cref="SearchKeys"/>, and the page. Relevance ranks the newest <see cref="Window"/> matches (widened for deep
/// pages) plus the newest <see cref="StrongWindow"/> older matches whose title or byline has the words, so ranking cost
/// stays flat however many articles match, and a strong old match still competes.
/// </summary>
public sealed record SearchPlan(SearchQuery Query, long? OutletId, long Low, long High, long Today, int Limit, int Offset)
{
    public const int Window = 500;

    public const int StrongWindow = 100;

    /// <summary>Every term the words must match, group by group (one FTS5 phrase or tsquery each).</summary>
    public IReadOnlyList<SearchTerm> Terms => Query.Groups.SelectMany(g => g).ToList();

    /// <summary>Excluded words may sit in a body, which a headline index does not hold.</summary>
    public bool HasExclusions => Query.Exclusions.Count > 0;

    public static SearchPlan For(SearchQuery query, long? outletId, int page) => new(
        query,
        outletId,
        query.From is { } from ? SearchKeys.DayStart(from) : 0,
        query.To is { } to ? SearchKeys.DayStart(to.AddDays(1)) : long.MaxValue,
        SearchKeys.Today,
        SearchResults.PageSize,
        (page - 1) * SearchResults.PageSize);

    /// <summary>How many of the newest matches to rank: always enough to fill the page asked for.</summary>
    public int WindowSize => Math.Max(Window, Offset + Limit);
}
