namespace NewsReader.Search;

/// <summary>
/// A query turned into what the SQL needs: the FTS5 expressions and the rowid range of the date filter.
/// Relevance ranks the newest <see cref="Window"/> matches (widened for deep pages) plus the newest
/// <see cref="StrongWindow"/> older matches whose title or byline has the words, so ranking cost stays flat however many
/// articles match, and a strong old match still competes.
/// </summary>
public sealed record SearchPlan(string Match, string StrongMatch, long Low, long High, long Today, int Limit, int Offset)
{
    public const int Window = 500;

    public const int StrongWindow = 100;

    /// <summary>Every term the words must match, in the order the expressions name them (one FTS5 phrase each).</summary>
    public IReadOnlyList<SearchTerm> Terms { get; init; } = [];

    /// <summary>Excluded words may sit in a body, which the headline index does not hold.</summary>
    public bool HasExclusions { get; init; }

    public static SearchPlan For(SearchQuery query, long? outletId, int page)
    {
        var offset = (page - 1) * SearchResults.PageSize;
        return new SearchPlan(
            FtsExpression.Build(query.Groups, query.Exclusions, outletId: outletId),
            FtsExpression.Build(query.Groups, query.Exclusions, strongOnly: true, outletId: outletId),
            query.From is { } from ? SearchKeys.DayStart(from) : 0,
            query.To is { } to ? SearchKeys.DayStart(to.AddDays(1)) : long.MaxValue,
            SearchKeys.Today,
            SearchResults.PageSize,
            offset)
        {
            Terms = query.Groups.SelectMany(g => g).ToList(),
            HasExclusions = query.Exclusions.Count > 0,
        };
    }

    /// <summary>How many of the newest matches to rank: always enough to fill the page asked for.</summary>
    public int WindowSize => Math.Max(Window, Offset + Limit);
}
