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

    private const string OutletsSql = """
        SELECT '/sources/' || o.slug AS Path, MAX(r.created_at) AS LastModified
        FROM outlets o
        LEFT JOIN articles a ON a.outlet_id = o.id
        LEFT JOIN article_revisions r ON r.id = a.current_revision_id
        GROUP BY o.id ORDER BY o.slug
        """;

    // Only articles with a live revision have a page.
    private const string ArticleCountSql = "SELECT COUNT(*) FROM articles WHERE current_revision_id IS NOT NULL";

    private const string ArticlesSql = """
        SELECT '/articles/' || a.slug AS Path, r.created_at AS LastModified
        FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id
        ORDER BY a.id
        LIMIT @limit OFFSET @offset
        """;

    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var outlets = await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM outlets", cancellationToken: ct));
        var articles = await c.ExecuteScalarAsync<long>(new CommandDefinition(ArticleCountSql, cancellationToken: ct));
        return FixedPages.Length + outlets + articles;
    }

    /// <summary>The entries from position <paramref name="offset"/> (0-based), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<SitemapEntry>> SliceAsync(long offset, int limit, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var head = FixedPages.Concat(await c.QueryAsync<SitemapEntry>(new CommandDefinition(OutletsSql, cancellationToken: ct))).ToList();
        var slice = head.Skip((int)Math.Min(offset, head.Count)).Take(limit).ToList();
        var articleOffset = Math.Max(0, offset - head.Count);
        var articleLimit = limit - slice.Count;
        if (articleLimit > 0)
        {
            slice.AddRange(await c.QueryAsync<SitemapEntry>(new CommandDefinition(ArticlesSql, new { limit = articleLimit, offset = articleOffset }, cancellationToken: ct)));
        }

        return slice;
    }
}
