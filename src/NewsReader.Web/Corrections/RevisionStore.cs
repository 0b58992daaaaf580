using Dapper;
using System.Data.Common;
using NewsReader.Admin;
using NewsReader.Performance;
using NewsReader.Store;

namespace NewsReader.Corrections;

/// <summary>An article's published texts in order, and the pending texts from re-ingest that wait for an editor.</summary>
public sealed class RevisionStore(Db db, AuditLog audit, ReadingCache cache)
{
    // Pending and dismissed texts were never shown to readers, so the public history leaves them out.
    private const string HistorySql = CorrectionStore.RevisionSelect + """
         WHERE a.slug = @slug AND r.status IN ('live', 'superseded') ORDER BY r.number
        """;

    private const string PendingSql = CorrectionStore.RevisionSelect + " WHERE r.status = 'pending' ORDER BY r.id";

    private const string ByIdSql = CorrectionStore.RevisionSelect + " WHERE r.id = @id";

    private const string LiveSql = CorrectionStore.RevisionSelect + " WHERE r.article_id = @articleId AND r.id = a.current_revision_id";

    private const string PromoteSql = "UPDATE article_revisions SET status = 'live' WHERE id = @id AND status = 'pending'";

    private const string DismissSql = "UPDATE article_revisions SET status = 'dismissed' WHERE id = @id AND status = 'pending'";

    private const string CountPendingSql = "SELECT COUNT(*) FROM article_revisions WHERE status = 'pending'";

    public async Task<IReadOnlyList<RevisionText>> HistoryAsync(string slug, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<RevisionText>(new CommandDefinition(HistorySql, new { slug }, cancellationToken: ct))).AsList();
    }

    /// <summary>Each pending text with the live text it would replace.</summary>
    public async Task<IReadOnlyList<(RevisionText Pending, RevisionText Live)>> PendingAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var pending = await c.QueryAsync<RevisionText>(new CommandDefinition(PendingSql, cancellationToken: ct));
        var result = new List<(RevisionText, RevisionText)>();
        foreach (var p in pending)
        {
            var live = await c.QuerySingleAsync<RevisionText>(new CommandDefinition(LiveSql, new { articleId = p.ArticleId }, cancellationToken: ct));
            result.Add((p, live));
        }

        return result;
    }

    public async Task<int> CountPendingAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>(new CommandDefinition(CountPendingSql, cancellationToken: ct));
    }

    /// <summary>The pending text becomes live; the corrected text is superseded (kept), and the correction notes stay.</summary>
    public async Task<WriteResult> AcceptAsync(long revisionId, string user, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var pending = await c.QuerySingleOrDefaultAsync<RevisionText>(ByIdSql, new { id = revisionId }, tx);
        if (pending is not { Status: "pending" })
        {
            return WriteResult.Fail("That text is no longer waiting for review.");
        }

        var live = await c.QuerySingleAsync<RevisionText>(LiveSql, new { articleId = pending.ArticleId }, tx);
        await c.ExecuteAsync(CorrectionStore.SupersedeSql, new { id = live.Id }, tx);
        await c.ExecuteAsync(PromoteSql, new { id = revisionId }, tx);
        await c.ExecuteAsync(CorrectionStore.PointArticleSql, ArticlePlainText.ArticleRow(pending.ArticleId, revisionId, pending.Title, pending.BodyText), tx);
        await tx.CommitAsync(ct);
        await cache.InvalidateAsync(ct);
        await audit.WriteAsync(user, "accepted re-ingested text", $"revision {pending.Number} replaces revision {live.Number}", pending.ArticleId, ct);
        return new WriteResult(revisionId, []);
    }

    /// <summary>The pending text is kept but marked dismissed; the live text stays.</summary>
    public async Task<WriteResult> DismissAsync(long revisionId, string user, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var pending = await c.QuerySingleOrDefaultAsync<RevisionText>(new CommandDefinition(ByIdSql, new { id = revisionId }, cancellationToken: ct));
        if (pending is not { Status: "pending" } || await c.ExecuteAsync(new CommandDefinition(DismissSql, new { id = revisionId }, cancellationToken: ct)) == 0)
        {
            return WriteResult.Fail("That text is no longer waiting for review.");
        }

        await audit.WriteAsync(user, "dismissed re-ingested text", $"revision {pending.Number}", pending.ArticleId, ct);
        return new WriteResult(revisionId, []);
    }
}
