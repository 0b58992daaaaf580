using Dapper;
using NewsReader.Store;

namespace NewsReader.Api;

/// <summary>When the published content last changed: the Last-Modified of lists, feeds and sitemaps.</summary>
public sealed class ContentStamp(Db db)
{
    // Every change readers can see (a new article, a new live revision) writes a revision row, so its newest time is the stamp.
    private const string Sql = "SELECT MAX(created_at) FROM article_revisions WHERE status <> 'pending'";

    /// <summary>Null for an empty store.</summary>
    public async Task<DateTimeOffset?> LastChangedAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var stamp = await c.ExecuteScalarAsync<string?>(new CommandDefinition(Sql, cancellationToken: ct));
        return Seo.SiteUrls.ParseStoredDate(stamp);
    }
}
