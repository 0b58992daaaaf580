using Dapper;
using System.Data.Common;
using NewsReader.Admin;
using NewsReader.Articles;
using NewsReader.Performance;
using NewsReader.Store;

namespace NewsReader.Corrections;

/// <summary>Files, edits and withdraws corrections, and amends the article text as a new revision. Nothing is ever deleted.</summary>
public sealed class CorrectionStore(Db db, AuditLog audit, ReadingCache cache, TimeProvider time)
{
    public const int PageSize = 25;

    private const string Select = """
        SELECT c.id, c.article_id AS ArticleId, c.kind, c.note_markdown AS NoteMarkdown, c.note_html AS NoteHtml,
               c.revision_id AS RevisionId, c.previous_revision_id AS PreviousRevisionId, c.published_at AS PublishedAt,
               c.created_by AS CreatedBy, c.edited_at AS EditedAt, c.edited_by AS EditedBy, c.withdrawn_at AS WithdrawnAt,
               c.withdrawn_reason AS WithdrawnReason, a.slug AS ArticleSlug, a.title AS ArticleTitle, o.name AS OutletName,
               r.number AS RevisionNumber
        FROM corrections c JOIN articles a ON a.id = c.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
        LEFT JOIN article_revisions r ON r.id = c.revision_id
        """;

    private const string ForArticleSql = Select + " WHERE c.article_id = @articleId ORDER BY c.published_at, c.id";

    private const string ByIdSql = Select + " WHERE c.id = @id";

    private const string PageSql = Select + " ORDER BY c.published_at DESC, c.id DESC LIMIT @limit OFFSET @offset";

    private const string CountSql = "SELECT COUNT(*) FROM corrections";

    internal const string RevisionSelect = """
        SELECT r.id, r.article_id AS ArticleId, r.number, r.origin, r.status, r.title, r.byline, r.body_markdown AS BodyMarkdown,
               r.body_text AS BodyText, r.created_at AS CreatedAt, r.created_by AS CreatedBy, a.slug AS ArticleSlug, a.title AS ArticleTitle
        FROM article_revisions r JOIN articles a ON a.id = r.article_id
        """;

    private const string LiveBySlugSql = RevisionSelect + " WHERE a.slug = @slug AND r.id = a.current_revision_id";

    private const string LiveByArticleSql = RevisionSelect + " WHERE a.id = @articleId AND r.id = a.current_revision_id";

    private const string SearchArticlesSql = $"""
        SELECT a.id, a.slug, a.title, o.name AS OutletName, o.slug AS OutletSlug, a.byline, a.published_at AS PublishedAt,
               a.excerpt, a.word_count AS WordCount
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE lower(a.title) LIKE lower(@pattern) ESCAPE '\'
        ORDER BY {ArticleStore.NewestFirst} LIMIT 50
        """;

    private const string InsertRevisionSql = """
        INSERT INTO article_revisions (article_id, number, origin, status, source_file_id, title, byline, body_markdown, body_html, body_text, created_at, created_by)
        VALUES (@articleId, (SELECT COALESCE(MAX(number), 0) + 1 FROM article_revisions WHERE article_id = @articleId),
                'correction', 'live', NULL, @title, @byline, @markdown, @html, @text, @now, @user)
        RETURNING id
        """;

    internal const string SupersedeSql = "UPDATE article_revisions SET status = 'superseded' WHERE id = @id AND status = 'live'";

    internal const string PointArticleSql = """
        UPDATE articles SET current_revision_id = @revisionId, title = @title, excerpt = @excerpt, word_count = @words WHERE id = @articleId
        """;

    private const string InsertSql = """
        INSERT INTO corrections (article_id, kind, note_markdown, note_html, revision_id, previous_revision_id, published_at, created_by)
        VALUES (@articleId, @kind, @note, @html, @revisionId, @previousId, @now, @user)
        RETURNING id
        """;

    private const string InsertEditSql = """
        INSERT INTO correction_edits (correction_id, at, by, old_kind, old_note_markdown) VALUES (@id, @now, @user, @kind, @note)
        """;

    private const string UpdateSql = """
        UPDATE corrections SET kind = @kind, note_markdown = @note, note_html = @html, edited_at = @now, edited_by = @user WHERE id = @id
        """;

    private const string WithdrawSql = """
        UPDATE corrections SET withdrawn_at = @now, withdrawn_by = @user, withdrawn_reason = @reason WHERE id = @id AND withdrawn_at IS NULL
        """;

    public async Task<IReadOnlyList<CorrectionRecord>> ForArticleAsync(long articleId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<CorrectionRecord>(new CommandDefinition(ForArticleSql, new { articleId }, cancellationToken: ct))).AsList();
    }

    public async Task<CorrectionRecord?> FindAsync(long id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<CorrectionRecord>(new CommandDefinition(ByIdSql, new { id }, cancellationToken: ct));
    }

    public async Task<Paged<CorrectionRecord>> PageAsync(int page, CancellationToken ct, int pageSize = PageSize)
    {
        page = Math.Max(1, page);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, cancellationToken: ct));
        var items = (await c.QueryAsync<CorrectionRecord>(new CommandDefinition(PageSql, new { limit = pageSize, offset = (page - 1) * pageSize }, cancellationToken: ct))).AsList();
        return new Paged<CorrectionRecord>(items, page, pageSize, total);
    }

    public async Task<RevisionText?> LiveRevisionAsync(string slug, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<RevisionText>(new CommandDefinition(LiveBySlugSql, new { slug }, cancellationToken: ct));
    }

    /// <summary>Articles whose title contains the words, for finding the one to correct.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> SearchArticlesAsync(string query, CancellationToken ct)
    {
        var escaped = query.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<ArticleSummary>(new CommandDefinition(SearchArticlesSql, new { pattern = $"%{escaped}%" }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Publishes a correction. With an amended text, that text becomes a new live revision (origin 'correction') and the
    /// previous one is superseded, never changed. <paramref name="baseRevisionId"/> is the revision the editor started from:
    /// if the article moved on meanwhile, nothing is written and the editor is told.
    /// </summary>
    public async Task<WriteResult> PublishAsync(long articleId, long baseRevisionId, CorrectionDraft draft, string user, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var live = await c.QuerySingleOrDefaultAsync<RevisionText>(LiveByArticleSql, new { articleId }, tx);
        if (live is null)
        {
            return WriteResult.Fail("No such article.");
        }

        if (CorrectionRules.Check(draft, live.BodyMarkdown) is { Count: > 0 } problems)
        {
            return new WriteResult(null, problems);
        }

        var amend = CorrectionRules.IsAmendment(draft.AmendedBody, live.BodyMarkdown);
        if (amend && live.Id != baseRevisionId)
        {
            return WriteResult.Fail("The article's text changed since you opened it. Reload the page and make your amendment again.");
        }

        var now = Clock.Iso(time.GetUtcNow());
        long? revisionId = null;
        if (amend)
        {
            var markdown = CorrectionRules.Normalize(draft.AmendedBody!);
            var text = ArticlePlainText.FromMarkdown(markdown);
            revisionId = await c.ExecuteScalarAsync<long>(InsertRevisionSql, new
            {
                articleId, title = live.Title, byline = live.Byline, markdown, html = BodyRenderer.ToHtml(markdown), text, now, user,
            }, tx);
            await c.ExecuteAsync(SupersedeSql, new { id = live.Id }, tx);
            await c.ExecuteAsync(PointArticleSql, ArticlePlainText.ArticleRow(articleId, revisionId.Value, live.Title, text), tx);
        }

        var note = draft.Note.Trim();
        var id = await c.ExecuteScalarAsync<long>(InsertSql, new
        {
            articleId, kind = draft.Kind.ToDb(), note, html = BodyRenderer.ToHtml(note), revisionId, previousId = amend ? live.Id : (long?)null, now, user,
        }, tx);
        await tx.CommitAsync(ct);
        await cache.InvalidateAsync(ct);
        await audit.WriteAsync(user, $"published {draft.Kind.Label().ToLowerInvariant()} #{id}", amend ? $"amended text: revision {live.Number} → new revision" : "note only", articleId, ct);
        return new WriteResult(id, []);
    }

    /// <summary>Changes a published correction's type or note; the previous wording is kept in correction_edits.</summary>
    public async Task<WriteResult> EditAsync(long id, CorrectionKind kind, string note, string user, CancellationToken ct)
    {
        var current = await FindAsync(id, ct);
        if (current is null)
        {
            return WriteResult.Fail("No such correction.");
        }

        if (CorrectionRules.CheckEdit(current, kind, note) is { Count: > 0 } problems)
        {
            return new WriteResult(null, problems);
        }

        var now = Clock.Iso(time.GetUtcNow());
        note = note.Trim();
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(InsertEditSql, new { id, now, user, kind = current.Kind, note = current.NoteMarkdown }, tx);
        await c.ExecuteAsync(UpdateSql, new { id, kind = kind.ToDb(), note, html = BodyRenderer.ToHtml(note), now, user }, tx);
        await tx.CommitAsync(ct);
        await cache.InvalidateAsync(ct);
        await audit.WriteAsync(user, $"edited correction #{id}", $"was {current.KindValue.Label()}: {Shorten(current.NoteMarkdown)}", current.ArticleId, ct);
        return new WriteResult(id, []);
    }

    /// <summary>Marks a correction withdrawn; it stays on the record with the reason.</summary>
    public async Task<WriteResult> WithdrawAsync(long id, string reason, string user, CancellationToken ct)
    {
        var current = await FindAsync(id, ct);
        if (current is null)
        {
            return WriteResult.Fail("No such correction.");
        }

        if (CorrectionRules.CheckWithdrawal(current, reason) is { Count: > 0 } problems)
        {
            return new WriteResult(null, problems);
        }

        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(WithdrawSql, new { id, now = Clock.Iso(time.GetUtcNow()), user, reason = reason.Trim() }, cancellationToken: ct));
        await cache.InvalidateAsync(ct);
        await audit.WriteAsync(user, $"withdrew correction #{id}", reason.Trim(), current.ArticleId, ct);
        return new WriteResult(id, []);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
