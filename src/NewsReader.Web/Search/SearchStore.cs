using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NewsReader.Articles;
using NewsReader.Search.Highlighting;
using NewsReader.Search.Ranking;
using NewsReader.Store;

namespace NewsReader.Search;

/// <summary>Runs parsed searches against the full-text index; see <see cref="SearchSchema"/> for how rowids are keyed.</summary>
public sealed class SearchStore(Db db, IOptions<SearchOptions> options, ILogger<SearchStore> logger)
{
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

    private const string OutletIdSql = "SELECT id FROM outlets WHERE slug = @slug";

    // The live body arrives in Snippet and is replaced by the snippet cut from it in C# (see SnippetBuilder for why).
    private const string ArticlesSql = $"""
        SELECT a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.byline, a.published_at AS PublishedAt,
               r.body_text AS Snippet, {ArticleStore.CorrectedColumn}
        FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE a.id IN @ids
        """;

    // Filters without words: the newest matching articles, with their excerpt as the snippet. The WHERE holds the filters
    // given (ArticleFilter).
    private static string FiltersOnlySql(string where) => $"""
        SELECT a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.byline, a.published_at AS PublishedAt,
               a.excerpt AS Snippet, {ArticleStore.CorrectedColumn}
        FROM {ArticleFilter.PageOfIds(where)} JOIN articles a ON a.id = p.id LEFT JOIN outlets o ON o.id = a.outlet_id
        ORDER BY {ArticleStore.NewestFirst}
        """;

    // Both read only the outlets table and the (outlet_id, published_at) index: no pass over the articles.
    private const string OutletsSql = """
        SELECT slug, name FROM outlets ORDER BY name COLLATE NOCASE
        """;

    private const string RecentOutletsSql = """
        SELECT slug, name, LastPublished FROM (
            SELECT o.slug, o.name, (SELECT MAX(a.published_at) FROM articles a WHERE a.outlet_id = o.id) AS LastPublished FROM outlets o) x
        ORDER BY LastPublished DESC NULLS LAST, name COLLATE NOCASE LIMIT @limit
        """;

    public async Task<SearchResults> SearchAsync(SearchQuery query, SearchSort sort, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 10_000);
        if (!query.CanRun)
        {
            return new SearchResults(query, sort, page, 0, []);
        }

        try
        {
            return await WithinBudgetAsync((c, deadline) => query.HasTerms
                ? SearchTextAsync(c, query, sort, page, deadline)
                : ListFilteredAsync(c, query, sort, page, deadline.Token), ct);
        }
        catch (SearchOverBudgetException)
        {
            logger.LogWarning("Search stopped after its time budget: {Query}", query.Text);
            return new SearchResults(query, sort, page, 0, []) { OverBudget = true };
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            // The parser quotes every term, so FTS5 should accept any expression it writes; if one slips through,
            // the reader gets a message, not an error page.
            logger.LogWarning(e, "FTS5 refused the expression {Match}", query.MatchExpression);
            var refused = query with { Problems = [.. query.Problems, "This search could not be run. Try fewer or simpler words."] };
            return new SearchResults(refused, sort, page, 0, []);
        }
    }

    /// <summary>
    /// Article ids for a query in the query language, best match first, at most <paramref name="limit"/>: for other
    /// areas (a search feed) that need matches, not a results page. A query with nothing to look for finds nothing; one
    /// that runs past the time budget throws <see cref="SearchOverBudgetException"/>.
    /// </summary>
    public async Task<IReadOnlyList<long>> ArticleIdsAsync(string query, int limit, CancellationToken ct)
    {
        var parsed = SearchQueryParser.Parse(query);
        if (!parsed.HasTerms || limit <= 0)
        {
            return [];
        }

        return await WithinBudgetAsync<IReadOnlyList<long>>(async (c, deadline) =>
        {
            if (await PlanAsync(c, parsed, 1, deadline.Token) is not { } plan)
            {
                return [];
            }

            var (keys, _) = await RankAsync(c, plan with { Limit = Math.Min(limit, SearchPlan.Window) }, deadline.Token);
            deadline.Check();
            return keys.Select(SearchKeys.ArticleId).ToList();
        }, ct);
    }

    /// <summary>
    /// Runs a search on its own connection under the time budget; the connection is interrupted when the budget runs out
    /// (the registration ends before the connection goes back to the pool).
    /// </summary>
    private Task<T> WithinBudgetAsync<T>(Func<SqliteConnection, SearchDeadline, Task<T>> search, CancellationToken ct) =>
        SearchBudget.RunAsync(options.Value.TimeBudget, async deadline =>
        {
            await using var c = (Microsoft.Data.Sqlite.SqliteConnection)await db.OpenReadOnlyAsync(deadline.Token);
            using var interrupt = SearchBudget.InterruptOnCancel(c, deadline.Token);
            return await search(c, deadline);
        }, ct);

    /// <summary>The plan for a query: resolves the outlet filter to the id the index holds.</summary>
    public static async Task<SearchPlan?> PlanAsync(SqliteConnection c, SearchQuery query, int page, CancellationToken ct)
    {
        long? outletId = null;
        if (query.OutletSlug is { } slug)
        {
            outletId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(OutletIdSql, new { slug }, cancellationToken: ct));
            if (outletId is null)
            {
                return null;
            }
        }

        return SearchPlan.For(query, outletId, page);
    }

    /// <summary>The FTS5 work of a search: the page's index keys in the order asked for, and how many articles match.</summary>
    internal static async Task<(List<long> Keys, int Total)> FindAsync(SqliteConnection c, SearchPlan plan, SearchSort sort, CancellationToken ct)
    {
        if (sort == SearchSort.Date)
        {
            return ((await c.QueryAsync<long>(new CommandDefinition(ByDateSql, plan, cancellationToken: ct))).AsList(), await CountAsync(c, plan, ct));
        }

        return await RankAsync(c, plan, ct);
    }

    /// <summary>The page's index keys, best first, and how many articles match (counted up to one past the cap).</summary>
    private static async Task<(List<long> Keys, int Total)> RankAsync(SqliteConnection c, SearchPlan plan, CancellationToken ct)
    {
        RelevanceFunction.EnsureRegistered(c);
        var frequencies = await PhraseFrequencies.EstimateAsync(c, plan.Terms, ct);
        var args = new { plan.Match, plan.Low, plan.High, plan.Today, plan.WindowSize, Frequencies = frequencies };
        var ranked = (await c.QueryAsync<(long Key, double Score)>(new CommandDefinition(WindowSql, args, cancellationToken: ct))).AsList();
        var total = ranked.Count;
        if (ranked.Count == plan.WindowSize)
        {
            // More matches lie beyond the window: count on from its end, and bring in the strong ones among them.
            var cutoff = ranked[^1].Key;
            var rest = new { plan.Match, plan.Low, High = cutoff, CountLimit = Math.Max(1, SearchResults.CountCap + 1 - plan.WindowSize) };
            total += await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, rest, cancellationToken: ct));
            var strong = new { plan.StrongMatch, plan.Low, cutoff, plan.Today, StrongLimit = SearchPlan.StrongWindow, Frequencies = frequencies };
            ranked.AddRange(await c.QueryAsync<(long Key, double Score)>(new CommandDefinition(plan.HasExclusions ? StrongSql : HeadlineSql, strong, cancellationToken: ct)));
        }

        var page = ranked.OrderBy(r => r.Score).ThenByDescending(r => r.Key).Skip(plan.Offset).Take(plan.Limit).Select(r => r.Key).ToList();
        return (page, total);
    }

    /// <summary>How many articles match, counted up to one past <see cref="SearchResults.CountCap"/>.</summary>
    private static Task<int> CountAsync(SqliteConnection c, SearchPlan plan, CancellationToken ct) =>
        c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, new { plan.Match, plan.Low, plan.High, CountLimit = SearchResults.CountCap + 1 }, cancellationToken: ct));

    /// <summary>Every outlet by name, for the outlet filter.</summary>
    public async Task<IReadOnlyList<OutletOption>> OutletsAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<OutletOption>(new CommandDefinition(OutletsSql, cancellationToken: ct))).AsList();
    }

    /// <summary>Outlets with the newest articles first, for the empty search page.</summary>
    public async Task<IReadOnlyList<OutletOption>> RecentOutletsAsync(int limit, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<OutletOption>(new CommandDefinition(RecentOutletsSql, new { limit }, cancellationToken: ct))).AsList();
    }

    private static async Task<SearchResults> SearchTextAsync(SqliteConnection c, SearchQuery query, SearchSort sort, int page, SearchDeadline deadline)
    {
        var ct = deadline.Token;
        if (await PlanAsync(c, query, page, ct) is not { } plan)
        {
            return new SearchResults(query, sort, page, 0, []);
        }

        var (keys, total) = await FindAsync(c, plan, sort, ct);
        if (keys.Count == 0)
        {
            return new SearchResults(query, sort, page, total, []);
        }

        deadline.Check();
        var ids = keys.Select(SearchKeys.ArticleId).ToArray();
        var articles = (await c.QueryAsync<SearchHit>(new CommandDefinition(ArticlesSql, new { ids }, cancellationToken: ct))).ToDictionary(a => a.Id);
        deadline.Check();
        var snippets = new SnippetBuilder(query);
        var hits = ids.Where(articles.ContainsKey).Select(id => articles[id] with { Snippet = snippets.Build(articles[id].Snippet, ct) }).ToList();
        return new SearchResults(query, sort, page, total, hits);
    }

    private static async Task<SearchResults> ListFilteredAsync(SqliteConnection c, SearchQuery query, SearchSort sort, int page, CancellationToken ct)
    {
        var args = new
        {
            outlet = query.OutletSlug, from = query.PublishedFrom, before = query.PublishedBefore,
            limit = SearchResults.PageSize, offset = (page - 1) * SearchResults.PageSize,
        };
        var where = ArticleFilter.Where(args.outlet, args.from, args.before, ArticleFilter.Live);
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(ArticleFilter.CountSql(where), args, cancellationToken: ct));
        var rows = (await c.QueryAsync<SearchHit>(new CommandDefinition(FiltersOnlySql(where), args, cancellationToken: ct))).AsList();
        return new SearchResults(query, sort, page, total, rows);
    }
}
