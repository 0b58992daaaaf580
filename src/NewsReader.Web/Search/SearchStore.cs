using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using NewsReader.Articles;
using NewsReader.Search.Highlighting;
using NewsReader.Store;

namespace NewsReader.Search;

/// <summary>
/// Runs parsed searches under the time budget: the database's <see cref="ISearchIndex"/> finds and orders the matches,
/// and the SQL here, the same on every database, loads them and lists articles by filters alone.
/// </summary>
public sealed class SearchStore(Db db, ISearchIndex index, IOptions<SearchOptions> options, ILogger<SearchStore> logger)
{
    private const string OutletIdSql = "SELECT id FROM outlets WHERE slug = @slug";

    // The live body arrives in Snippet and is replaced by the snippet cut from it in C# (see SnippetBuilder for why).
    private readonly string _articlesSql = $"""
        SELECT a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.byline, a.published_at AS PublishedAt,
               r.body_text AS Snippet, {ArticleStore.CorrectedColumn}
        FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE {db.Dialect.InList("a.id", "@ids")}
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
        catch (Exception e) when (index.IsRefused(e))
        {
            // Reader text only ever reaches the index as quoted terms or parameters, so this should not happen; if it
            // does, the reader gets a message, not an error page.
            logger.LogWarning(e, "The search index refused the query {Query}", query.Text);
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

            var found = await index.FindAsync(c, plan with { Limit = Math.Min(limit, SearchPlan.Window) }, SearchSort.Relevance, deadline.Token);
            deadline.Check();
            return found.ArticleIds;
        }, ct);
    }

    /// <summary>
    /// Runs a search on its own connection under the time budget; a statement still running when the budget runs out is
    /// stopped (the registration ends before the connection goes back to the pool), and the connection is not used again.
    /// </summary>
    private Task<T> WithinBudgetAsync<T>(Func<DbConnection, SearchDeadline, Task<T>> search, CancellationToken ct) =>
        SearchBudget.RunAsync(options.Value.TimeBudget, async deadline =>
        {
            await using var c = await db.OpenSearchAsync(deadline.Token);
            try
            {
                using var stop = index.StopOnCancel(c, deadline.Token);
                return await search(c, deadline);
            }
            finally
            {
                if (deadline.Token.IsCancellationRequested)
                {
                    db.DiscardAfterCancel(c);
                }
            }
        }, ct, index.IsStopped);

    /// <summary>The plan for a query: resolves the outlet filter to the id the index holds.</summary>
    public static async Task<SearchPlan?> PlanAsync(DbConnection c, SearchQuery query, int page, CancellationToken ct)
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

    /// <summary>Every outlet by name, for the outlet filter.</summary>
    public async Task<IReadOnlyList<OutletOption>> OutletsAsync(CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        return (await c.QueryAsync<OutletOption>(new CommandDefinition(OutletsSql, cancellationToken: ct))).AsList();
    }

    /// <summary>Outlets with the newest articles first, for the empty search page.</summary>
    public async Task<IReadOnlyList<OutletOption>> RecentOutletsAsync(int limit, CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        return (await c.QueryAsync<OutletOption>(new CommandDefinition(RecentOutletsSql, new { limit }, cancellationToken: ct))).AsList();
    }

    private async Task<SearchResults> SearchTextAsync(DbConnection c, SearchQuery query, SearchSort sort, int page, SearchDeadline deadline)
    {
        var ct = deadline.Token;
        if (await PlanAsync(c, query, page, ct) is not { } plan)
        {
            return new SearchResults(query, sort, page, 0, []);
        }

        var (ids, total) = await index.FindAsync(c, plan, sort, ct);
        if (ids.Count == 0)
        {
            return new SearchResults(query, sort, page, total, []);
        }

        deadline.Check();
        var articles = (await c.QueryAsync<SearchHit>(new CommandDefinition(_articlesSql, new { ids }, cancellationToken: ct))).ToDictionary(a => a.Id);
        deadline.Check();
        var snippets = new SnippetBuilder(query);
        var hits = ids.Where(articles.ContainsKey).Select(id => articles[id] with { Snippet = snippets.Build(articles[id].Snippet, ct) }).ToList();
        return new SearchResults(query, sort, page, total, hits);
    }

    private static async Task<SearchResults> ListFilteredAsync(DbConnection c, SearchQuery query, SearchSort sort, int page, CancellationToken ct)
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
