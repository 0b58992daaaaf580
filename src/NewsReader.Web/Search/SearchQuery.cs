namespace NewsReader.Search;

/// <summary>Where a term must occur; each maps to one column of the index.</summary>
public enum SearchField
{
    Anywhere,
    Title,
    Author,
    Source,
}

public enum SearchSort
{
    Relevance,
    Date,
}

/// <summary>One word, prefix or phrase the reader typed, cleaned of everything but its text.</summary>
public sealed record SearchTerm(string Text, SearchField Field = SearchField.Anywhere, bool IsPhrase = false, bool IsPrefix = false);

/// <summary>
/// A parsed search: every group must match (a group is one term or terms joined by OR), no exclusion may match,
/// and the filters narrow the articles. Problems say what was repaired or ignored, in words a reader understands.
/// </summary>
public sealed record SearchQuery
{
    /// <summary>What the reader typed, after control characters were removed and the length was capped.</summary>
    public string Text { get; init; } = "";

    public IReadOnlyList<IReadOnlyList<SearchTerm>> Groups { get; init; } = [];

    public IReadOnlyList<SearchTerm> Exclusions { get; init; } = [];

    public string? OutletSlug { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool HasTerms => Groups.Count > 0;

    public bool HasFilters => OutletSlug is not null || From is not null || To is not null;

    /// <summary>Nothing typed and nothing chosen: the page shows tips instead of results.</summary>
    public bool IsEmpty => Text.Length == 0 && !HasFilters && Problems.Count == 0;

    /// <summary>True when there is something to look up: words, or filters alone (which list articles by date).</summary>
    public bool CanRun => HasTerms || (HasFilters && Exclusions.Count == 0);

    /// <summary>ISO bounds for <c>published_at</c>: from the start of From up to (not including) the day after To.</summary>
    public string? PublishedFrom => From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string? PublishedBefore => To?.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
