namespace NewsReader.Search;

/// <summary>One article found. Snippet is raw text with <see cref="Snippets"/> markers around matched words.</summary>
public sealed record SearchHit
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? OutletName { get; init; }
    public string? OutletSlug { get; init; }
    public string? Byline { get; init; }
    public string? PublishedAt { get; init; }
    public string Snippet { get; init; } = "";
    public bool Corrected { get; init; }

    /// <summary>The snippet as safe HTML: article text encoded, matched words in &lt;mark&gt;.</summary>
    public string SnippetHtml => Snippets.ToHtml(Snippet);
}

/// <summary>A page of search results for a query.</summary>
public sealed record SearchResults(SearchQuery Query, SearchSort Sort, int Page, int Total, IReadOnlyList<SearchHit> Hits)
{
    public const int PageSize = 25;

    /// <summary>
    /// Matches are counted up to this many; a larger total is shown as "1,000+". Counting is a walk over every match, and
    /// forty pages of results is more than anyone reads: past it, narrowing the search helps more than a number.
    /// </summary>
    public const int CountCap = 1_000;

    /// <summary>True when there are more matches than were counted.</summary>
    public bool TotalIsLowerBound => Total > CountCap;

    public int ShownTotal => Math.Min(Total, CountCap);

    public int PageCount => Math.Max(1, (ShownTotal + PageSize - 1) / PageSize);

    /// <summary>True when the search ran past its time budget and was stopped: no results, and the reader should narrow it.</summary>
    public bool OverBudget { get; init; }
}

/// <summary>An outlet, for the outlet filter and the empty search page.</summary>
public sealed record OutletOption
{
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public string? LastPublished { get; init; }
}
