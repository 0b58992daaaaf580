using System.Data.Common;

namespace NewsReader.Search;

/// <summary>
/// The part of search that each database does its own way: finding the articles that match a parsed query and putting
/// them in order. FTS5 on SQLite (<see cref="Sqlite.SqliteSearchIndex"/>), <c>tsvector</c> on PostgreSQL
/// (PostgresSearchIndex). Everything else a search does (the time budget, loading the articles
/// found, snippets, filters without words) is shared, in <see cref="SearchStore"/>.
/// </summary>
public interface ISearchIndex
{
    /// <summary>What the index runs, for reports: "FTS5" or "tsquery".</summary>
    string Kind { get; }

    /// <summary>
    /// The article ids of the page the plan asks for, in the order asked for, and how many articles match (counted up to
    /// one past <see cref="SearchResults.CountCap"/>).
    /// </summary>
    Task<SearchMatches> FindAsync(DbConnection c, SearchPlan plan, SearchSort sort, CancellationToken ct);

    /// <summary>
    /// Makes cancelling <paramref name="ct"/> stop a statement already running on <paramref name="c"/>, for databases
    /// whose driver only checks the token between statements. Dispose it before the connection goes back to the pool.
    /// </summary>
    CancellationTokenRegistration StopOnCancel(DbConnection c, CancellationToken ct);

    /// <summary>True when <paramref name="e"/> is the database reporting a statement stopped by <see cref="StopOnCancel"/>.</summary>
    bool IsStopped(Exception e);

    /// <summary>True when the database refused to run the query as written: the reader is asked for simpler words.</summary>
    bool IsRefused(Exception e);

    /// <summary>How many articles are indexed, and how large the text and the index are, for the benchmark's report.</summary>
    Task<SearchIndexSize> MeasureAsync(DbConnection c, CancellationToken ct);
}

/// <summary>A page of matching article ids, and how many articles match in all (counting stops past the cap).</summary>
public sealed record SearchMatches(IReadOnlyList<long> ArticleIds, int Total);

/// <summary>Sizes in bytes: the indexed text (title, byline, outlet name and body of every live revision), the index, the database.</summary>
public sealed record SearchIndexSize(long Articles, long TextBytes, long IndexBytes, long DatabaseBytes, string IndexKind);
