namespace NewsReader.Search;

/// <summary>Settings under <c>NewsReader:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "NewsReader:Search";

    /// <summary>
    /// How long one search may run. Past it the running statement is stopped and snippet work stops, and the reader is
    /// asked to narrow the search: no query, however odd, may hold a core.
    /// </summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);
}
