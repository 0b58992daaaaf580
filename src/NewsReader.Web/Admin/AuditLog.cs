using Dapper;
using NewsReader.Store;

namespace NewsReader.Admin;

/// <summary>One admin action: who, when, what, and which article.</summary>
public sealed record AuditEntry
{
    public long Id { get; init; }
    public string At { get; init; } = "";
    public string UserName { get; init; } = "";
    public string Action { get; init; } = "";
    public string? Detail { get; init; }
    public long? ArticleId { get; init; }
    public string? ArticleSlug { get; init; }
    public string? ArticleTitle { get; init; }
}

/// <summary>Append-only record of every admin action, shown to admins at /admin/audit.</summary>
public sealed class AuditLog(Db db, TimeProvider time)
{
    public const int PageSize = 50;

    private const string InsertSql = """
        INSERT INTO audit_log (at, user_name, action, detail, article_id) VALUES (@at, @user, @action, @detail, @articleId)
        """;

    private const string PageSql = """
        SELECT l.id, l.at, l.user_name AS UserName, l.action, l.detail, l.article_id AS ArticleId, a.slug AS ArticleSlug, a.title AS ArticleTitle
        FROM audit_log l LEFT JOIN articles a ON a.id = l.article_id
        ORDER BY l.id DESC LIMIT @limit OFFSET @offset
        """;

    private const string CountSql = "SELECT COUNT(*) FROM audit_log";

    public async Task WriteAsync(string user, string action, string? detail, long? articleId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new { at = Clock.Iso(time.GetUtcNow()), user, action, detail, articleId }, cancellationToken: ct));
    }

    public async Task<Articles.Paged<AuditEntry>> PageAsync(int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, cancellationToken: ct));
        var items = (await c.QueryAsync<AuditEntry>(new CommandDefinition(PageSql, new { limit = PageSize, offset = (page - 1) * PageSize }, cancellationToken: ct))).AsList();
        return new Articles.Paged<AuditEntry>(items, page, PageSize, total);
    }
}
