using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsReader.Search.Sqlite;

/// <summary>
/// Search on SQLite: the FTS5 index of <see cref="SearchSchema"/> (rowids are <see cref="SearchKeys"/>, so FTS5 walks
/// matches newest first), expressions written by <see cref="FtsExpression"/>, scores by <see cref="RelevanceFunction"/>.
/// </summary>
public sealed class SqliteSearchIndex : ISearchIndex
{
    private const int SqliteError = 1;
    private const int SqliteInterrupt = 9;

    // relevance() is bm25 with the phrase frequencies supplied (see RelevanceFunction), lower is better. Its weights follow
    // each index's column order (title, byline, outlet, [body,] outlet_key). Dividing by 1 + 0.2 per year of age lets a
    // close match from last week outrank an equally close one from five years ago without burying a much better old match.
    // The day comes from the rowid, so no row is looked up.
    private const string Age = "(1.0 + 0.2 * MAX(0.0, @Today - (rowid >> 32)) / 365.25)";

    private const string FullIndexScore = $"relevance(search_index, @Frequencies, 10.0, 4.0, 2.0, 1.0, 0.0) / {Age}";

    // The newest matches, scored: the window every relevance search ranks.
    private const string WindowSql = $"""
        SELECT rowid AS Key, {FullIndexScore} AS Score
        FROM search_index
        WHERE search_index MATCH @Match AND rowid >= @Low AND rowid < @High
        ORDER BY rowid DESC LIMIT @WindowSize
        """;

    // Older matches with the words in their title or byline, from the headline index. Their scores miss body hits, which
    // bm25 has all but saturated once a title holds the words (weight 10), so they compete fairly with the window.
    private const string HeadlineSql = $"""
        SELECT rowid AS Key, relevance(search_headlines, @Frequencies, 10.0, 4.0, 2.0, 0.0) / {Age} AS Score
        FROM search_headlines
        WHERE search_headlines MATCH @StrongMatch AND rowid >= @Low AND rowid < @cutoff
        ORDER BY rowid DESC LIMIT @StrongLimit
        """;

    // The same from the full index, for queries with exclusions: an excluded word may be in a body.
    private const string StrongSql = $"""
        SELECT rowid AS Key, {FullIndexScore} AS Score
        FROM search_index
        WHERE search_index MATCH @StrongMatch AND rowid >= @Low AND rowid < @cutoff
        ORDER BY rowid DESC LIMIT @StrongLimit
        """;

    private const string ByDateSql = """
        SELECT rowid FROM search_index
        WHERE search_index MATCH @Match AND rowid >= @Low AND rowid < @High
        ORDER BY rowid DESC LIMIT @Limit OFFSET @Offset
        """;

    // Counting stops at CountCap: past that, "1,000+" tells a reader as much as an exact count, at a fraction of the cost.
    private const string CountSql = """
        SELECT COUNT(*) FROM (
            SELECT 1 FROM search_index WHERE search_index MATCH @Match AND rowid >= @Low AND rowid < @High LIMIT @CountLimit)
        """;

    /// <summary>
    /// Payload bytes (this SQLite build has no dbstat): the indexed text against FTS5's shadow tables. The index is
    /// contentless, so it holds no copy of the text.
    /// </summary>
    private const string SizesSql = """
        SELECT
            (SELECT COUNT(*) FROM articles),
            (SELECT SUM(length(CAST(a.title AS BLOB)) + COALESCE(length(CAST(a.byline AS BLOB)), 0)
                      + COALESCE(length(CAST(o.name AS BLOB)), 0) + length(CAST(r.body_text AS BLOB)))
             FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id LEFT JOIN outlets o ON o.id = a.outlet_id),
            (SELECT SUM(length(block)) FROM search_index_data) + (SELECT SUM(length(sz)) FROM search_index_docsize)
              + (SELECT COALESCE(SUM(length(term)), 0) + COUNT(*) * 16 FROM search_index_idx),
            (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size())
        """;

    public string Kind => "FTS5";

    public async Task<SearchMatches> FindAsync(DbConnection c, SearchPlan plan, SearchSort sort, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)c;
        var match = FtsExpression.Build(plan.Query.Groups, plan.Query.Exclusions, outletId: plan.OutletId);
        var (keys, total) = sort == SearchSort.Date
            ? (await ByDateAsync(sqlite, plan, match, ct), await CountAsync(sqlite, plan, match, ct))
            : await RankAsync(sqlite, plan, match, ct);
        return new SearchMatches(keys.Select(SearchKeys.ArticleId).ToList(), total);
    }

    /// <summary>
    /// Microsoft.Data.Sqlite runs statements synchronously and checks the token only before them, so a cancel calls
    /// <c>sqlite3_interrupt</c> on the connection to stop the statement running.
    /// </summary>
    public CancellationTokenRegistration StopOnCancel(DbConnection c, CancellationToken ct) =>
        ct.Register(static state => SQLitePCL.raw.sqlite3_interrupt(((SqliteConnection)state!).Handle), c);

    public bool IsStopped(Exception e) => e is SqliteException { SqliteErrorCode: SqliteInterrupt };

    // FtsExpression quotes every term, so FTS5 should accept any expression it writes; this catches one that slips through.
    public bool IsRefused(Exception e) => e is SqliteException { SqliteErrorCode: SqliteError };

    public async Task<SearchIndexSize> MeasureAsync(DbConnection c, CancellationToken ct)
    {
        var row = await c.QuerySingleAsync<(long, long, long, long)>(new CommandDefinition(SizesSql, cancellationToken: ct));
        return new SearchIndexSize(row.Item1, row.Item2, row.Item3, row.Item4, "FTS5 inverted index (contentless: no second copy of the text)");
    }

    private static async Task<List<long>> ByDateAsync(SqliteConnection c, SearchPlan plan, string match, CancellationToken ct) =>
        (await c.QueryAsync<long>(new CommandDefinition(ByDateSql, new { Match = match, plan.Low, plan.High, plan.Limit, plan.Offset }, cancellationToken: ct))).AsList();

    /// <summary>The page's index keys, best first, and how many articles match (counted up to one past the cap).</summary>
    private static async Task<(List<long> Keys, int Total)> RankAsync(SqliteConnection c, SearchPlan plan, string match, CancellationToken ct)
    {
        RelevanceFunction.EnsureRegistered(c);
        var frequencies = await PhraseFrequencies.EstimateAsync(c, plan.Terms, ct);
        var args = new { Match = match, plan.Low, plan.High, plan.Today, plan.WindowSize, Frequencies = frequencies };
        var ranked = (await c.QueryAsync<(long Key, double Score)>(new CommandDefinition(WindowSql, args, cancellationToken: ct))).AsList();
        var total = ranked.Count;
        if (ranked.Count == plan.WindowSize)
        {
            // More matches lie beyond the window: count on from its end, and bring in the strong ones among them.
            var cutoff = ranked[^1].Key;
            var rest = new { Match = match, plan.Low, High = cutoff, CountLimit = Math.Max(1, SearchResults.CountCap + 1 - plan.WindowSize) };
            total += await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, rest, cancellationToken: ct));
            var strongMatch = FtsExpression.Build(plan.Query.Groups, plan.Query.Exclusions, strongOnly: true, outletId: plan.OutletId);
            var strong = new { StrongMatch = strongMatch, plan.Low, cutoff, plan.Today, StrongLimit = SearchPlan.StrongWindow, Frequencies = frequencies };
            ranked.AddRange(await c.QueryAsync<(long Key, double Score)>(new CommandDefinition(plan.HasExclusions ? StrongSql : HeadlineSql, strong, cancellationToken: ct)));
        }

        var page = ranked.OrderBy(r => r.Score).ThenByDescending(r => r.Key).Skip(plan.Offset).Take(plan.Limit).Select(r => r.Key).ToList();
        return (page, total);
    }

    /// <summary>How many articles match, counted up to one past <see cref="SearchResults.CountCap"/>.</summary>
    private static Task<int> CountAsync(SqliteConnection c, SearchPlan plan, string match, CancellationToken ct) =>
        c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, new { Match = match, plan.Low, plan.High, CountLimit = SearchResults.CountCap + 1 }, cancellationToken: ct));
}
