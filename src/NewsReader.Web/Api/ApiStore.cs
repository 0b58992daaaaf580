using Dapper;
using NewsReader.Articles;
using NewsReader.Store;

namespace NewsReader.Api;

/// <summary>The API's own reads: the article list filtered by outlet and dates.</summary>
public sealed class ApiStore(Db db)
{
    private const string Filter = """
        WHERE (@outlet IS NULL OR o.slug = @outlet)
          AND (@from IS NULL OR a.published_at >= @from)
          AND (@to IS NULL OR a.published_at < @to)
        """;

    // Same order as the home page: undated articles last, id keeps the order stable inside a day.
    private const string ListSql = $"""
        SELECT a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.byline, a.published_at AS PublishedAt,
               a.excerpt, a.word_count AS WordCount,
               {ArticleStore.CorrectedColumn}
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
        {Filter}
        ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC
        LIMIT @limit OFFSET @offset
        """;

    private const string CountSql = $"""
        SELECT COUNT(*) FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
        {Filter}
        """;

    public async Task<Paged<ArticleSummary>> ListAsync(ArticleQuery query, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { outlet = query.Outlet, from = query.From, to = query.ToExclusive, limit = query.PageSize, offset = query.Offset };
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, cancellationToken: ct));
        var items = (await c.QueryAsync<ArticleSummary>(new CommandDefinition(ListSql, args, cancellationToken: ct))).AsList();
        return new Paged<ArticleSummary>(items, query.Page, query.PageSize, total);
    }
}
