using Dapper;
using NewsReader.Articles;
using NewsReader.Store;

namespace NewsReader.Feeds;

/// <summary>Reads the newest articles, with their live text, for feeds.</summary>
public sealed class FeedStore(Db db)
{
    public const int MaxEntries = 50;

    private const string Select = """
        SELECT a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.published_at AS PublishedAt,
               a.updated_at AS UpdatedAt, a.language, a.created_at AS CreatedAt, a.excerpt, r.body_html AS BodyHtml,
               r.origin AS RevisionOrigin, r.created_at AS RevisionCreatedAt
        FROM articles a
        JOIN article_revisions r ON r.id = a.current_revision_id
        LEFT JOIN outlets o ON o.id = a.outlet_id
        """;

    // Ids first, bodies after: sorting only ids and dates keeps the (large) bodies out of SQLite's sorter. The WHERE holds
    // the outlet only when one is asked for (ArticleFilter), so an outlet's feed is a range of its index.
    private static string NewestIdsSql(string where) => $"""
        SELECT a.id FROM articles a
        {where}
        ORDER BY {ArticleStore.NewestFirst}
        LIMIT @limit
        """;

    private readonly string _byIdsSql = $"""
        {Select}
        WHERE {db.Dialect.InList("a.id", "@ids")}
        """;

    private readonly string _authorsSql = $"""
        SELECT article_id AS ArticleId, name FROM article_authors WHERE {db.Dialect.InList("article_id", "@ids")} ORDER BY article_id, position
        """;

    /// <summary>The newest articles, of one outlet when a slug is given.</summary>
    public async Task<IReadOnlyList<FeedArticle>> NewestAsync(string? outlet, CancellationToken ct)
    {
        List<long> ids;
        await using (var c = await db.OpenReadOnlyAsync(ct))
        {
            var where = ArticleFilter.Where(outlet, from: null, before: null, ArticleFilter.Live);
            ids = (await c.QueryAsync<long>(new CommandDefinition(NewestIdsSql(where), new { outlet, limit = MaxEntries }, cancellationToken: ct))).AsList();
        }

        return await ByIdsAsync(ids, ct);
    }

    /// <summary>The articles with these ids, in the order given (a search ranking).</summary>
    public async Task<IReadOnlyList<FeedArticle>> ByIdsAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().Take(MaxEntries).ToList();
        await using var c = await db.OpenReadOnlyAsync(ct);
        var rows = (await c.QueryAsync<FeedArticle>(new CommandDefinition(_byIdsSql, new { ids = wanted }, cancellationToken: ct))).ToDictionary(a => a.Id);
        var ordered = wanted.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        return await WithAuthorsAsync(c, ordered, ct);
    }

    private async Task<IReadOnlyList<FeedArticle>> WithAuthorsAsync(System.Data.Common.DbConnection c, List<FeedArticle> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var authors = (await c.QueryAsync<AuthorRow>(new CommandDefinition(_authorsSql, new { ids }, cancellationToken: ct)))
            .ToLookup(a => a.ArticleId, a => a.Name);
        return rows.Select(r => r with { Authors = authors[r.Id].ToList() }).ToList();
    }

    private sealed record AuthorRow
    {
        public long ArticleId { get; init; }
        public string Name { get; init; } = "";
    }
}
