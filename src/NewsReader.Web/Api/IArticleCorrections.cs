using Dapper;
using NewsReader.Store;

namespace NewsReader.Api;

/// <summary>
/// Where GET /api/articles/{slug} reads an article's corrections. The corrections area replaces the default
/// (registered with TryAdd) with one that also carries its notes to readers.
/// </summary>
public interface IArticleCorrections
{
    /// <summary>The article's published corrections, oldest first.</summary>
    Task<IReadOnlyList<ArticleCorrection>> ForArticleAsync(long articleId, CancellationToken ct);
}

/// <summary>Until a corrections area exists, a correction is what the schema already records: a revision whose origin is "correction".</summary>
public sealed class RevisionCorrections(Db db) : IArticleCorrections
{
    private const string Sql = """
        SELECT number AS RevisionNumber, created_at AS CorrectedAt, created_by AS CorrectedBy
        FROM article_revisions
        WHERE article_id = @articleId AND origin = 'correction' AND status <> 'pending'
        ORDER BY number
        """;

    public async Task<IReadOnlyList<ArticleCorrection>> ForArticleAsync(long articleId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<CorrectionRow>(new CommandDefinition(Sql, new { articleId }, cancellationToken: ct)))
            .Select(r => new ArticleCorrection { RevisionNumber = r.RevisionNumber, CorrectedAt = r.CorrectedAt, CorrectedBy = r.CorrectedBy })
            .AsList();
    }

    private sealed record CorrectionRow
    {
        public int RevisionNumber { get; init; }
        public string CorrectedAt { get; init; } = "";
        public string? CorrectedBy { get; init; }
    }
}
