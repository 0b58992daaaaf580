using Dapper;
using System.Data.Common;
using NewsReader.Extraction;
using NewsReader.Images;

namespace NewsReader.Ingestion;

/// <summary>Facts about a file on disk, taken before it is parsed.</summary>
public sealed record FileFacts(string Path, string Sha256, long Size, long ModifiedTicks);

/// <summary>What the store already knows about a file, to skip unchanged files without reading them.</summary>
public sealed record KnownFile
{
    public string Path { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long SizeBytes { get; init; }
    public long FileMtime { get; init; }
    public bool Missing { get; init; }
}

/// <summary>A file a parser or a limit refused, as it was when refused: it is not parsed again while it stays so.</summary>
public sealed record RefusedFile
{
    public string Path { get; init; } = "";
    public string? Sha256 { get; init; }
    public long SizeBytes { get; init; }
    public long FileMtime { get; init; }
    public string? ParserVersion { get; init; }
    public string Reason { get; init; } = "";
}

/// <summary>Writes parsed articles into the store: new articles, new revisions, provenance and the ingestion log.</summary>
public sealed class IngestionStore
{
    private const string KnownFilesSql = """
        SELECT path, sha256, size_bytes AS SizeBytes, file_mtime AS FileMtime, missing FROM source_files
        """;

    private const string KnownFileSql = $"{KnownFilesSql} WHERE path = @path";

    private const string RefusedFilesSql = """
        SELECT path, sha256, size_bytes AS SizeBytes, file_mtime AS FileMtime, parser_version AS ParserVersion, reason FROM refused_files
        """;

    private const string RefusedFileSql = $"{RefusedFilesSql} WHERE path = @path";

    private const string UpsertRefusedSql = """
        INSERT INTO refused_files (path, sha256, size_bytes, file_mtime, parser_version, reason, refused_at)
        VALUES (@Path, @Sha256, @SizeBytes, @FileMtime, @ParserVersion, @Reason, @at)
        ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, size_bytes = excluded.size_bytes, file_mtime = excluded.file_mtime,
            parser_version = excluded.parser_version, reason = excluded.reason, refused_at = excluded.refused_at
        """;

    private const string ForgetRefusedSql = "DELETE FROM refused_files WHERE path = @Path";

    private const string LastLogSql = """
        SELECT outcome, sha256, reason FROM ingestion_log WHERE path = @path ORDER BY id DESC LIMIT 1
        """;

    private const string SourceByPathSql = """
        SELECT id, article_id AS ArticleId FROM source_files WHERE path = @Path
        """;

    private const string FindDuplicateSql = """
        SELECT id, content_hash = @hash AS SameText FROM articles
        WHERE (@url IS NOT NULL AND canonical_url = @url) OR content_hash = @hash
        ORDER BY content_hash = @hash DESC, id LIMIT 1
        """;

    // A renamed (and perhaps edited) file: an article with the same canonical URL, title or opening, whose files are all gone.
    // One indexed lookup per clue (ix_articles_title, ix_articles_opening): as one WHERE of ORs, with title unindexed, every
    // new article read the whole table, and ingestion slowed with every article already stored. "excerpt || ''" keeps
    // SQLite from substituting the parameter into the indexed expression, which would turn the lookup into a scan.
    private const string RenameCandidatesSql = """
        SELECT a.id, s.path FROM articles a JOIN source_files s ON s.article_id = a.id
        WHERE a.id IN (
            SELECT id FROM (
                SELECT id FROM articles WHERE canonical_url = @url
                UNION SELECT id FROM articles WHERE title = @title
                UNION SELECT id FROM articles WHERE substr(excerpt, 1, 64) = substr(@excerpt, 1, 64) AND excerpt || '' = @excerpt AND excerpt <> '') clues
            ORDER BY id LIMIT 20)
        """;

    // name is COLLATE NOCASE: "bno IntelliNews" and "BNO INTELLINEWS" are one outlet.
    private const string OutletByNameSql = "SELECT id FROM outlets WHERE name = @name";

    private const string OutletSlugTakenSql = "SELECT EXISTS (SELECT 1 FROM outlets WHERE slug = @slug)";

    private const string InsertOutletSql = "INSERT INTO outlets (slug, name) VALUES (@slug, @name) RETURNING id";

    private const string SlugTakenSql = "SELECT EXISTS (SELECT 1 FROM articles WHERE slug = @slug)";

    private const string InsertArticleSql = """
        INSERT INTO articles (slug, title, created_at) VALUES (@slug, @title, @now) RETURNING id
        """;

    private const string UpdateArticleSql = """
        UPDATE articles SET
            outlet_id = @OutletId, current_revision_id = @RevisionId, title = @Title, byline = @Byline, bureau = @Bureau,
            published_at = @Published, updated_at = @Updated, canonical_url = @CanonicalUrl, language = @Language,
            excerpt = @Excerpt, word_count = @WordCount, content_hash = @ContentHash, source_missing = 0
        WHERE id = @ArticleId
        """;

    private const string ReplaceAuthorsSql = """
        DELETE FROM article_authors WHERE article_id = @articleId
        """;

    private const string InsertAuthorSql = """
        INSERT INTO article_authors (article_id, position, name) VALUES (@ArticleId, @Position, @Name)
        """;

    private const string InsertSourceFileSql = """
        INSERT INTO source_files (path, article_id, sha256, size_bytes, format, parser_version, file_mtime, ingested_at, dropped_json, warnings_json)
        VALUES (@Path, @ArticleId, @Sha256, @Size, @Format, @ParserVersion, @Mtime, @Now, @Dropped, @Warnings)
        RETURNING id
        """;

    private const string UpdateSourceFileSql = """
        UPDATE source_files SET sha256 = @Sha256, size_bytes = @Size, format = @Format, parser_version = @ParserVersion,
            file_mtime = @Mtime, ingested_at = @Now, dropped_json = @Dropped, warnings_json = @Warnings, missing = 0
        WHERE id = @Id
        """;

    private const string TouchSourceFileSql = """
        UPDATE source_files SET file_mtime = @mtime, missing = 0 WHERE path = @path RETURNING article_id
        """;

    private const string LiveRevisionSql = """
        SELECT r.id, r.origin, r.title, r.byline, r.body_text AS BodyText, a.bureau, a.published_at AS PublishedAt,
               a.updated_at AS UpdatedAt, o.name AS OutletName
        FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE a.id = @articleId
        """;

    private const string InsertRevisionSql = """
        INSERT INTO article_revisions (article_id, number, origin, status, source_file_id, title, byline, body_markdown, body_html, body_text, created_at)
        VALUES (@ArticleId, (SELECT COALESCE(MAX(number), 0) + 1 FROM article_revisions WHERE article_id = @ArticleId),
                'ingest', @Status, @SourceFileId, @Title, @Byline, @BodyMarkdown, @BodyHtml, @BodyText, @Now)
        RETURNING id
        """;

    private const string SupersedeSql = """
        UPDATE article_revisions SET status = 'superseded' WHERE article_id = @articleId AND status = 'live'
        """;

    private const string InsertLogSql = """
        INSERT INTO ingestion_log (at, path, outcome, reason, sha256, article_id) VALUES (@at, @path, @outcome, @reason, @sha, @articleId)
        """;

    private const string MarkMissingSql = """
        UPDATE source_files SET missing = 1 WHERE path = @path AND missing = 0 RETURNING article_id
        """;

    private const string RefreshSourceMissingSql = """
        UPDATE articles SET source_missing = CASE WHEN EXISTS (SELECT 1 FROM source_files s WHERE s.article_id = articles.id AND s.missing = 0) THEN 0 ELSE 1 END
        WHERE id = @articleId
        """;

    public async Task<Dictionary<string, KnownFile>> KnownFilesAsync(DbConnection c, CancellationToken ct) =>
        (await c.QueryAsync<KnownFile>(new CommandDefinition(KnownFilesSql, cancellationToken: ct)))
            .ToDictionary(f => f.Path, StringComparer.Ordinal);

    /// <summary>What the store knows about one file: the watcher's single files need not load every file's row.</summary>
    public async Task<KnownFile?> KnownFileAsync(DbConnection c, string path, CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<KnownFile>(new CommandDefinition(KnownFileSql, new { path }, cancellationToken: ct));

    public async Task<Dictionary<string, RefusedFile>> RefusedFilesAsync(DbConnection c, CancellationToken ct) =>
        (await c.QueryAsync<RefusedFile>(new CommandDefinition(RefusedFilesSql, cancellationToken: ct)))
            .ToDictionary(f => f.Path, StringComparer.Ordinal);

    public async Task<RefusedFile?> RefusedFileAsync(DbConnection c, string path, CancellationToken ct) =>
        await c.QuerySingleOrDefaultAsync<RefusedFile>(new CommandDefinition(RefusedFileSql, new { path }, cancellationToken: ct));

    /// <summary>Records that an unchanged file is (still or again) present; a file that came back gives its article its source back.</summary>
    public async Task TouchAsync(DbTransaction tx, string path, long mtime, CancellationToken ct)
    {
        var c = tx.Connection!;
        foreach (var articleId in await c.QueryAsync<long?>(new CommandDefinition(TouchSourceFileSql, new { path, mtime }, tx, cancellationToken: ct)))
        {
            await c.ExecuteAsync(new CommandDefinition(RefreshSourceMissingSql, new { articleId }, tx, cancellationToken: ct));
        }
    }

    /// <summary>
    /// Logs a file that is not an article. The same failure of the same bytes is logged once, not at every rescan,
    /// so the log keeps telling something new.
    /// </summary>
    public async Task<IngestionOutcome> LogFailureAsync(DbTransaction tx, string path, string? sha, string reason, CancellationToken ct, RefusedFile? refused = null)
    {
        var c = tx.Connection!;
        if (refused is not null)
        {
            // The file itself is the problem, not the moment (a locked database): it waits until it changes.
            await c.ExecuteAsync(new CommandDefinition(UpsertRefusedSql, new { refused.Path, refused.Sha256, refused.SizeBytes, refused.FileMtime, refused.ParserVersion, refused.Reason, at = Now() }, tx, cancellationToken: ct));
        }

        var last = await c.QuerySingleOrDefaultAsync<(string Outcome, string? Sha, string? Reason)?>(new CommandDefinition(LastLogSql, new { path }, tx, cancellationToken: ct));
        var repeated = last is { Outcome: "failed" } same && same.Sha == sha && same.Reason == reason;
        if (!repeated)
        {
            await c.ExecuteAsync(new CommandDefinition(InsertLogSql, new { at = Now(), path, outcome = "failed", reason, sha, articleId = (long?)null }, tx, cancellationToken: ct));
        }

        return new IngestionOutcome(path, IngestionResult.Failed, reason) { Repeated = repeated };
    }

    /// <summary>Stores one parsed file inside the caller's transaction, which decides when it commits.</summary>
    public async Task<IngestionOutcome> SaveAsync(DbTransaction tx, FileFacts file, IArticleParser parser, ArticleToStore article)
    {
        var c = tx.Connection!;
        var now = Now();
        var fileRow = new
        {
            file.Path, file.Sha256, file.Size, parser.Format, ParserVersion = parser.Version, Mtime = file.ModifiedTicks, Now = now,
            Dropped = article.DroppedJson, Warnings = article.WarningsJson,
        };

        await c.ExecuteAsync(ForgetRefusedSql, file, tx);
        await ImageStore.SaveAsync(tx, article.Images);
        var source = await c.QuerySingleOrDefaultAsync<(long Id, long? ArticleId)?>(SourceByPathSql, file, tx);
        IngestionOutcome outcome;
        if (source is null)
        {
            var match = await c.QuerySingleOrDefaultAsync<(long Id, bool SameText)?>(FindDuplicateSql, new { url = article.Parsed.CanonicalUrl, hash = article.ContentHash }, tx);
            var renamedFrom = match is { SameText: true } ? null : await RenamedArticleAsync(c, tx, article);
            if (renamedFrom is { } renamedId)
            {
                // An article whose files all went away, back under a new name with new text: a revision, never lost, and
                // pending when an editor has amended the live text. (With its old file still there, it is a copy: below.)
                var sourceId = await c.ExecuteScalarAsync<long>(InsertSourceFileSql, new { fileRow.Path, ArticleId = renamedId, fileRow.Sha256, fileRow.Size, fileRow.Format, fileRow.ParserVersion, fileRow.Mtime, fileRow.Now, fileRow.Dropped, fileRow.Warnings }, tx);
                outcome = await ReviseAsync(c, tx, renamedId, sourceId, file.Path, article, now);
                await c.ExecuteAsync(RefreshSourceMissingSql, new { articleId = renamedId }, tx);
            }
            else if (match is { } same)
            {
                var existing = same.Id;
                await c.ExecuteAsync(InsertSourceFileSql, new { fileRow.Path, ArticleId = existing, fileRow.Sha256, fileRow.Size, fileRow.Format, fileRow.ParserVersion, fileRow.Mtime, fileRow.Now, fileRow.Dropped, fileRow.Warnings }, tx);
                await c.ExecuteAsync(RefreshSourceMissingSql, new { articleId = existing }, tx);
                outcome = new IngestionOutcome(file.Path, IngestionResult.Duplicate, "Same article as one already stored; kept as another source file.", existing);
            }
            else
            {
                var articleId = await c.ExecuteScalarAsync<long>(InsertArticleSql, new { slug = await FreeSlugAsync(c, tx, article.Parsed.Title), title = article.Parsed.Title, now }, tx);
                var sourceId = await c.ExecuteScalarAsync<long>(InsertSourceFileSql, new { fileRow.Path, ArticleId = articleId, fileRow.Sha256, fileRow.Size, fileRow.Format, fileRow.ParserVersion, fileRow.Mtime, fileRow.Now, fileRow.Dropped, fileRow.Warnings }, tx);
                await WriteLiveRevisionAsync(c, tx, articleId, sourceId, article, now);
                outcome = new IngestionOutcome(file.Path, IngestionResult.Ingested, null, articleId);
            }
        }
        else
        {
            await c.ExecuteAsync(UpdateSourceFileSql, new { source.Value.Id, fileRow.Sha256, fileRow.Size, fileRow.Format, fileRow.ParserVersion, fileRow.Mtime, fileRow.Now, fileRow.Dropped, fileRow.Warnings }, tx);
            var articleId = source.Value.ArticleId!.Value;
            outcome = await ReviseAsync(c, tx, articleId, source.Value.Id, file.Path, article, now);
            await c.ExecuteAsync(RefreshSourceMissingSql, new { articleId }, tx);
        }

        await c.ExecuteAsync(InsertLogSql, new { at = now, path = file.Path, outcome = outcome.Result.ToString().ToLowerInvariant(), reason = outcome.Reason, sha = file.Sha256, articleId = outcome.ArticleId }, tx);
        return outcome;
    }

    /// <summary>The article a new file continues when every file it came from has left the disk (a rename), matched by title or opening.</summary>
    private static async Task<long?> RenamedArticleAsync(DbConnection c, DbTransaction tx, ArticleToStore article)
    {
        var rows = await c.QueryAsync<(long Id, string Path)>(RenameCandidatesSql, new { url = article.Parsed.CanonicalUrl, title = article.Parsed.Title, excerpt = article.Excerpt }, tx);
        return rows.GroupBy(r => r.Id).Where(g => g.All(r => !File.Exists(r.Path))).Select(g => (long?)g.Key).FirstOrDefault();
    }

    /// <summary>Marks files that have left the seeds folder; their articles stay, flagged as having lost their source.</summary>
    public async Task<int> MarkMissingAsync(DbConnection c, IEnumerable<string> paths, CancellationToken ct)
    {
        var count = 0;
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var path in paths)
        {
            foreach (var articleId in await c.QueryAsync<long?>(MarkMissingSql, new { path }, tx))
            {
                count++;
                await c.ExecuteAsync(RefreshSourceMissingSql, new { articleId }, tx);
                await c.ExecuteAsync(InsertLogSql, new { at = Now(), path, outcome = "missing", reason = "Source file was removed; the article is kept.", sha = (string?)null, articleId }, tx);
            }
        }

        await tx.CommitAsync(ct);
        return count;
    }

    private async Task<IngestionOutcome> ReviseAsync(DbConnection c, DbTransaction tx, long articleId, long sourceId, string path, ArticleToStore article, string now)
    {
        var parsed = article.Parsed;
        var live = await c.QuerySingleAsync<LiveRevision>(LiveRevisionSql, new { articleId }, tx);
        var sameText = live.Title == parsed.Title && live.BodyText == article.BodyText;
        if (live.Origin != "ingest")
        {
            if (sameText)
            {
                return new IngestionOutcome(path, IngestionResult.Unchanged, "File changed but its article text did not.", articleId);
            }

            // An editor amended the live text: the file's new text waits for review instead of replacing the correction.
            await c.ExecuteScalarAsync<long>(InsertRevisionSql, RevisionRow(articleId, sourceId, "pending", article, now), tx);
            return new IngestionOutcome(path, IngestionResult.PendingReview, "Article has an editor's amendment; the new text awaits review.", articleId);
        }

        if (sameText && live.Byline == article.Byline)
        {
            if (live.Bureau == parsed.Bureau && live.PublishedAt == parsed.Published && live.UpdatedAt == parsed.Updated
                && string.Equals(live.OutletName, parsed.Site, StringComparison.OrdinalIgnoreCase))
            {
                return new IngestionOutcome(path, IngestionResult.Unchanged, "File changed but its article did not.", articleId);
            }

            // Dates, bureau and outlet live on the article, not in revisions: a file that corrects them updates the article in place.
            await UpdateArticleAsync(c, tx, articleId, live.Id, article);
            return new IngestionOutcome(path, IngestionResult.Revised, "The article's date, bureau or outlet changed; its text did not.", articleId);
        }

        await c.ExecuteAsync(SupersedeSql, new { articleId }, tx);
        await WriteLiveRevisionAsync(c, tx, articleId, sourceId, article, now);
        return new IngestionOutcome(path, IngestionResult.Revised, null, articleId);
    }

    private static async Task WriteLiveRevisionAsync(DbConnection c, DbTransaction tx, long articleId, long sourceId, ArticleToStore article, string now)
    {
        var revisionId = await c.ExecuteScalarAsync<long>(InsertRevisionSql, RevisionRow(articleId, sourceId, "live", article, now), tx);
        await UpdateArticleAsync(c, tx, articleId, revisionId, article);
    }

    private static async Task UpdateArticleAsync(DbConnection c, DbTransaction tx, long articleId, long revisionId, ArticleToStore article)
    {
        var parsed = article.Parsed;
        await c.ExecuteAsync(UpdateArticleSql, new
        {
            ArticleId = articleId, OutletId = await OutletIdAsync(c, tx, parsed.Site), RevisionId = revisionId, parsed.Title, article.Byline, parsed.Bureau,
            parsed.Published, parsed.Updated, parsed.CanonicalUrl, parsed.Language, article.Excerpt, article.WordCount, article.ContentHash,
        }, tx);
        await c.ExecuteAsync(ReplaceAuthorsSql, new { articleId }, tx);
        await c.ExecuteAsync(InsertAuthorSql, parsed.Authors.Select((name, i) => new { ArticleId = articleId, Position = i, Name = name }), tx);
    }

    /// <summary>The outlet of that name, or a new one; names that slug alike ("The Herald", "The Herald!") get distinct slugs.</summary>
    private static async Task<long?> OutletIdAsync(DbConnection c, DbTransaction tx, string? name) =>
        name is not { Length: > 0 } ? null
        : await c.ExecuteScalarAsync<long?>(OutletByNameSql, new { name }, tx)
            ?? await c.ExecuteScalarAsync<long>(InsertOutletSql, new { slug = await FreeSlugAsync(c, tx, name, OutletSlugTakenSql), name }, tx);

    private static object RevisionRow(long articleId, long sourceId, string status, ArticleToStore article, string now) => new
    {
        ArticleId = articleId, Status = status, SourceFileId = sourceId, article.Parsed.Title, article.Byline,
        article.Parsed.BodyMarkdown, article.BodyHtml, article.BodyText, Now = now,
    };

    private static async Task<string> FreeSlugAsync(DbConnection c, DbTransaction tx, string title, string takenSql = SlugTakenSql)
    {
        var slug = Slugs.From(title);
        for (var n = 2; await c.ExecuteScalarAsync<bool>(takenSql, new { slug }, tx); n++)
        {
            slug = $"{Slugs.From(title)}-{n}";
        }

        return slug;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record LiveRevision
    {
        public long Id { get; init; }
        public string Origin { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Byline { get; init; }
        public string BodyText { get; init; } = "";
        public string? Bureau { get; init; }
        public string? PublishedAt { get; init; }
        public string? UpdatedAt { get; init; }
        public string? OutletName { get; init; }
    }
}
