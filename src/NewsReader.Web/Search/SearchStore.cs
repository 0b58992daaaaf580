using Dapper;
using Microsoft.Data.Sqlite;
using NewsReader.Store;

namespace NewsReader.Search;

/// <summary>Runs parsed searches against the full-text index.</summary>
public sealed class SearchStore(Db db, ILogger<SearchStore> logger)
{
    // Column weights for bm25, in index column order: a title hit counts most, then byline, outlet, body.
    private const string Bm25 = "bm25(search_index, 10.0, 4.0, 2.0, 1.0)";

    private const string Filters = """
        (@outlet IS NULL OR a.outlet_id = (SELECT id FROM outlets WHERE slug = @outlet))
        AND (@from IS NULL OR a.published_at >= @from)
        AND (@before IS NULL OR a.published_at < @before)
        """;

    private const string HitColumns = """
        a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.byline, a.published_at AS PublishedAt,
        COUNT(*) OVER () AS Total
        """;

    // bm25 is negative (lower is better); dividing by 1 + 0.2 per year of age lets a close match from last week
    // outrank an equally close one from five years ago without burying a much better old match.
    private const string RelevanceSql = $"""
        SELECT {HitColumns}
        FROM (SELECT rowid AS id, {Bm25} AS score FROM search_index WHERE search_index MATCH @match) h
        JOIN articles a ON a.id = h.id LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE {Filters}
        ORDER BY h.score / (1.0 + 0.2 * MAX(0.0, julianday('now') - COALESCE(julianday(substr(a.published_at, 1, 10)), julianday('now') - 3650)) / 365.25), a.id DESC
        LIMIT @limit OFFSET @offset
        """;

    private const string ByDateSql = $"""
        SELECT {HitColumns}
        FROM (SELECT rowid AS id FROM search_index WHERE search_index MATCH @match) h
        JOIN articles a ON a.id = h.id LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE {Filters}
        ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC
        LIMIT @limit OFFSET @offset
        """;

    // Filters without words: the newest matching articles, with their excerpt as the snippet.
    private const string FiltersOnlySql = $"""
        SELECT {HitColumns}, a.excerpt AS Snippet
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE a.current_revision_id IS NOT NULL AND {Filters}
        ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC
        LIMIT @limit OFFSET @offset
        """;

    private const string CountSql = $"""
        SELECT COUNT(*) FROM (SELECT rowid AS id FROM search_index WHERE search_index MATCH @match) h
        JOIN articles a ON a.id = h.id
        WHERE {Filters}
        """;

    private const string CountFiltersOnlySql = $"""
        SELECT COUNT(*) FROM articles a WHERE a.current_revision_id IS NOT NULL AND {Filters}
        """;

    // Snippets come from the body for the page's rows only: snippet() is the costly part of a search.
    private const string SnippetsSql = """
        SELECT rowid AS Id, snippet(search_index, 3, @open, @close, '…', 30) AS Snippet
        FROM search_index WHERE search_index MATCH @match AND rowid IN @ids
        """;

    private const string CorrectedSql = """
        SELECT DISTINCT article_id FROM article_revisions WHERE origin = 'correction' AND article_id IN @ids
        """;

    private const string OutletsSql = """
        SELECT o.slug, o.name, COUNT(a.id) AS ArticleCount, MAX(a.published_at) AS LastPublished
        FROM outlets o JOIN articles a ON a.outlet_id = o.id
        GROUP BY o.id ORDER BY o.name COLLATE NOCASE
        """;

    public async Task<SearchResults> SearchAsync(SearchQuery query, SearchSort sort, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 100_000);
        if (!query.CanRun)
        {
            return new SearchResults(query, sort, page, 0, []);
        }

        var args = new DynamicParameters(new
        {
            match = query.MatchExpression,
            outlet = query.OutletSlug,
            from = query.PublishedFrom,
            before = query.PublishedBefore,
            limit = SearchResults.PageSize,
            offset = (page - 1) * SearchResults.PageSize,
        });
        try
        {
            return await RunAsync(query, sort, page, args, ct);
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

    private async Task<SearchResults> RunAsync(SearchQuery query, SearchSort sort, int page, DynamicParameters args, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var sql = !query.HasTerms ? FiltersOnlySql : sort == SearchSort.Date ? ByDateSql : RelevanceSql;
        var rows = (await c.QueryAsync<HitRow>(new CommandDefinition(sql, args, cancellationToken: ct))).AsList();
        var total = rows.Count > 0
            ? rows[0].Total
            : page == 1 ? 0 : await c.ExecuteScalarAsync<int>(new CommandDefinition(query.HasTerms ? CountSql : CountFiltersOnlySql, args, cancellationToken: ct));
        var hits = await CompleteAsync(c, query, rows, ct);
        return new SearchResults(query, sort, page, total, hits);
    }

    /// <summary>Every outlet with articles, by name, for the outlet filter.</summary>
    public async Task<IReadOnlyList<OutletOption>> OutletsAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<OutletOption>(new CommandDefinition(OutletsSql, cancellationToken: ct))).AsList();
    }

    private static async Task<IReadOnlyList<SearchHit>> CompleteAsync(SqliteConnection c, SearchQuery query, List<HitRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToArray();
        var snippets = query.HasTerms
            ? (await c.QueryAsync<(long Id, string Snippet)>(new CommandDefinition(SnippetsSql, new { match = query.MatchExpression, ids, open = Snippets.Open.ToString(), close = Snippets.Close.ToString() }, cancellationToken: ct)))
                .ToDictionary(s => s.Id, s => s.Snippet)
            : rows.ToDictionary(r => r.Id, r => r.Snippet ?? "");
        var corrected = (await c.QueryAsync<long>(new CommandDefinition(CorrectedSql, new { ids }, cancellationToken: ct))).ToHashSet();
        return rows.Select(r => new SearchHit
        {
            Id = r.Id, Slug = r.Slug, Title = r.Title, OutletName = r.OutletName, OutletSlug = r.OutletSlug, Byline = r.Byline,
            PublishedAt = r.PublishedAt, Snippet = snippets.GetValueOrDefault(r.Id, ""), Corrected = corrected.Contains(r.Id),
        }).ToList();
    }

    private sealed record HitRow
    {
        public long Id { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string? OutletName { get; init; }
        public string? OutletSlug { get; init; }
        public string? Byline { get; init; }
        public string? PublishedAt { get; init; }
        public int Total { get; init; }
        public string? Snippet { get; init; }
    }
}
