using Dapper;
using NewsReader.Store;

namespace NewsReader.Articles;

/// <summary>Reads articles for the reading pages.</summary>
public sealed class ArticleStore(Db db)
{
    public const int PageSize = 25;

    /// <summary>
    /// The "Corrected" badge of list rows over <c>articles a</c>: an amended text, or a correction note not withdrawn.
    /// Every list of articles selects it, so the badge means the same everywhere.
    /// </summary>
    public const string CorrectedColumn = """
        (EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id AND r.origin = 'correction')
         OR EXISTS (SELECT 1 FROM corrections k WHERE k.article_id = a.id AND k.withdrawn_at IS NULL)) AS Corrected
        """;

    /// <summary>
    /// Newest first; id keeps the order stable inside a day; undated articles come last (SQLite's order for DESC, which
    /// PostgreSQL has to be told), and the order is that of ix_articles_published: a page is a walk down the index. (Sorting on
    /// "published_at IS NULL" first, as the lists once did, made every page sort the whole table: 18 ms for the first
    /// page at 100,000 articles, 72 ms for the hundredth, against 0.07 ms and 5 ms.)
    /// </summary>
    public const string NewestFirst = "a.published_at DESC NULLS LAST, a.id DESC";

    /// <summary>The columns of an <see cref="ArticleSummary"/>, over articles a and outlets o.</summary>
    public const string SummaryColumns = $"""
        a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.byline, a.published_at AS PublishedAt,
        a.excerpt, a.word_count AS WordCount,
        {CorrectedColumn}
        """;

    // The WHERE holds the outlet only when one is asked for (ArticleFilter): an outlet's articles are then a range of
    // ix_articles_outlet (outlet_id, published_at DESC).
    private static string ListSql(string where) => $"""
        SELECT {SummaryColumns}
        FROM {ArticleFilter.PageOfIds(where)} JOIN articles a ON a.id = p.id LEFT JOIN outlets o ON o.id = a.outlet_id
        ORDER BY {NewestFirst}
        """;

    private const string BySlugSql = """
        SELECT a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.byline, a.bureau,
               a.published_at AS PublishedAt, a.updated_at AS UpdatedAt, a.canonical_url AS CanonicalUrl, a.language,
               a.excerpt, a.word_count AS WordCount, a.source_missing AS SourceMissing, r.number AS RevisionNumber,
               r.body_html AS BodyHtml, a.created_at AS CreatedAt
        FROM articles a
        JOIN article_revisions r ON r.id = a.current_revision_id
        LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE a.slug = @slug
        """;

    private const string AuthorsSql = """
        SELECT name FROM article_authors WHERE article_id = @id ORDER BY position
        """;

    private const string SourceFilesSql = """
        SELECT s.id, s.path, s.sha256, s.size_bytes AS SizeBytes, s.format, s.parser_version AS ParserVersion,
               s.ingested_at AS IngestedAt, s.dropped_json AS DroppedJson, s.warnings_json AS WarningsJson, s.missing
        FROM source_files s WHERE s.article_id = @articleId ORDER BY s.id
        """;

    private const string RevisionsSql = """
        SELECT r.id, r.number, r.origin, r.status, r.title, r.created_at AS CreatedAt, r.created_by AS CreatedBy,
               s.path AS SourceFileName
        FROM article_revisions r LEFT JOIN source_files s ON s.id = r.source_file_id
        WHERE r.article_id = @articleId ORDER BY r.number DESC
        """;

    /// <summary>A page of the newest articles, of one outlet when a slug is given: the home and outlet pages.</summary>
    public Task<Paged<ArticleSummary>> ListAsync(int page, string? outlet, CancellationToken ct) =>
        ListAsync(Math.Max(1, page), PageSize, outlet, from: null, before: null, ct);

    /// <summary>A page of the newest articles, filtered by outlet slug and publication days (before is exclusive) when given.</summary>
    public async Task<Paged<ArticleSummary>> ListAsync(int page, int pageSize, string? outlet, string? from, string? before, CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var args = new { outlet, from, before, limit = pageSize, offset = (long)(page - 1) * pageSize };
        var where = ArticleFilter.Where(outlet, from, before);
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(ArticleFilter.CountSql(where), args, cancellationToken: ct));
        var items = (await c.QueryAsync<ArticleSummary>(new CommandDefinition(ListSql(where), args, cancellationToken: ct))).AsList();
        return new Paged<ArticleSummary>(items, page, pageSize, total);
    }

    public async Task<ArticleDetail?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var article = await c.QuerySingleOrDefaultAsync<ArticleDetail>(new CommandDefinition(BySlugSql, new { slug }, cancellationToken: ct));
        if (article is null)
        {
            return null;
        }

        var authors = await c.QueryAsync<string>(new CommandDefinition(AuthorsSql, new { id = article.Id }, cancellationToken: ct));
        return article with { Authors = authors.AsList() };
    }

    public async Task<(IReadOnlyList<SourceFileInfo> Files, IReadOnlyList<RevisionInfo> Revisions)> ProvenanceAsync(long articleId, CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var files = (await c.QueryAsync<SourceFileInfo>(new CommandDefinition(SourceFilesSql, new { articleId }, cancellationToken: ct))).AsList();
        var revisions = (await c.QueryAsync<RevisionInfo>(new CommandDefinition(RevisionsSql, new { articleId }, cancellationToken: ct)))
            .Select(r => r with { SourceFileName = r.SourceFileName is null ? null : Path.GetFileName(r.SourceFileName) })
            .AsList();
        return (files, revisions);
    }

    // Neighbours in the order of every list (NewestFirst), so "older" and "newer" step through the home page one article
    // at a time; row values keep each a single seek in ix_articles_published. Undated articles step among themselves by id.
    // The NULLS clauses are SQLite's order spelled out; PostgreSQL's default differs, and without them it sorted the table.
    private const string OlderSql = """
        SELECT a.slug, a.title, a.published_at AS PublishedAt FROM articles a
        WHERE (a.published_at, a.id) < (@publishedAt, @id)
        ORDER BY a.published_at DESC NULLS LAST, a.id DESC LIMIT 1
        """;

    private const string NewerSql = """
        SELECT a.slug, a.title, a.published_at AS PublishedAt FROM articles a
        WHERE (a.published_at, a.id) > (@publishedAt, @id)
        ORDER BY a.published_at NULLS FIRST, a.id LIMIT 1
        """;

    private const string OlderUndatedSql = """
        SELECT a.slug, a.title, a.published_at AS PublishedAt FROM articles a
        WHERE a.published_at IS NULL AND a.id < @id ORDER BY a.id DESC LIMIT 1
        """;

    private const string NewerUndatedSql = """
        SELECT a.slug, a.title, a.published_at AS PublishedAt FROM articles a
        WHERE a.published_at IS NULL AND a.id > @id ORDER BY a.id LIMIT 1
        """;

    private const string SameOutletSql = """
        SELECT a.slug, a.title, a.published_at AS PublishedAt FROM articles a
        WHERE a.outlet_id = (SELECT outlet_id FROM articles WHERE id = @id) AND a.id <> @id
        ORDER BY a.published_at DESC NULLS LAST LIMIT @limit
        """;

    /// <summary>What to read next: the newer and older articles of the list, and the newest others from the same outlet.</summary>
    public async Task<ArticleNeighbours> NeighboursAsync(ArticleDetail article, CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var args = new { id = article.Id, publishedAt = article.PublishedAt, limit = 3 };
        var dated = article.PublishedAt is not null;
        var newer = await c.QueryFirstOrDefaultAsync<ArticleLink>(new CommandDefinition(dated ? NewerSql : NewerUndatedSql, args, cancellationToken: ct));
        var older = await c.QueryFirstOrDefaultAsync<ArticleLink>(new CommandDefinition(dated ? OlderSql : OlderUndatedSql, args, cancellationToken: ct));
        var sameOutlet = article.OutletSlug is null
            ? []
            : (await c.QueryAsync<ArticleLink>(new CommandDefinition(SameOutletSql, args, cancellationToken: ct))).AsList();
        return new ArticleNeighbours(newer, older, sameOutlet);
    }
}
