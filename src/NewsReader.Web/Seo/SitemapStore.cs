using Dapper;
using NewsReader.Store;

namespace NewsReader.Seo;

/// <summary>A page address for the sitemap: its path and when its content last changed (the live revision's time).</summary>
public sealed record SitemapEntry
{
    public string Path { get; init; } = "";
    public string? LastModified { get; init; }
}

/// <summary>
/// The site's pages in a fixed order — home, sources, each outlet, then each article by id — so a sitemap file can be
/// read as one slice of that list.
/// </summary>
public sealed class SitemapStore(Db db)
{
    private static readonly SitemapEntry[] FixedPages = [new() { Path = "/" }, new() { Path = "/sources" }];

    // Each outlet's lastmod is its newest live revision. One pass over the articles (NOT INDEXED: in table order, not by
    // outlet through the index), each revision's time from ix_revisions_created: 0.1 s at 100,000 articles, where
    // joining outlets to articles to revision rows took 1 s.
    private readonly string _outletsSql = $"""
        SELECT '/sources/' || o.slug AS Path, m.LastModified
        FROM outlets o LEFT JOIN (
            SELECT a.outlet_id, MAX(r.created_at) AS LastModified
            FROM articles a {db.Dialect.NotIndexed} JOIN article_revisions r {db.Dialect.IndexedBy("ix_revisions_created")} ON r.id = a.current_revision_id
            GROUP BY a.outlet_id) m ON m.outlet_id = o.id
        ORDER BY o.slug
        """;

    private const string OutletCountSql = "SELECT COUNT(*) FROM outlets";

    // Only articles with a live revision have a page.
    private const string ArticleCountSql = "SELECT COUNT(*) FROM articles WHERE current_revision_id IS NOT NULL";

    private readonly string _articlesSql = $"""
        SELECT '/articles/' || a.slug AS Path, r.created_at AS LastModified
        FROM articles a JOIN article_revisions r {db.Dialect.IndexedBy("ix_revisions_created")} ON r.id = a.current_revision_id
        ORDER BY a.id
        LIMIT @limit OFFSET @offset
        """;

    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var outlets = await c.ExecuteScalarAsync<long>(new CommandDefinition(OutletCountSql, cancellationToken: ct));
        var articles = await c.ExecuteScalarAsync<long>(new CommandDefinition(ArticleCountSql, cancellationToken: ct));
        return FixedPages.Length + outlets + articles;
    }

    /// <summary>The entries from position <paramref name="offset"/> (0-based), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> SliceAsync(long offset, int limit, CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var headCount = FixedPages.Length + await c.ExecuteScalarAsync<int>(new CommandDefinition(OutletCountSql, cancellationToken: ct));
        var slice = new List<SitemapEntry>();
        if (offset < headCount)
        {
            // Only the first file holds the fixed pages and outlets; the others skip the outlets' lastmod entirely.
            var head = FixedPages.Concat(await c.QueryAsync<SitemapEntry>(new CommandDefinition(_outletsSql, cancellationToken: ct)));
            slice.AddRange(head.Skip((int)offset).Take(limit));
        }

        var articleOffset = Math.Max(0, offset - headCount);
        var articleLimit = limit - slice.Count;
        if (articleLimit > 0)
        {
            slice.AddRange(await c.QueryAsync<SitemapEntry>(new CommandDefinition(_articlesSql, new { limit = articleLimit, offset = articleOffset }, cancellationToken: ct)));
        }

        return slice;
    }
}
