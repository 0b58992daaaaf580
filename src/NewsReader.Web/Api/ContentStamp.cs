using Dapper;
using NewsReader.Store;

namespace NewsReader.Api;

/// <summary>When the published content last changed: the Last-Modified of lists, feeds and sitemaps.</summary>
public sealed class ContentStamp(Db db)
{
    // Every change readers can see (a new article, a new revision) writes a revision row, so the newest row's time is the
    // stamp. Reading the last row by id is one index step; MAX(created_at) would scan every body in the table.
    private const string Sql = "SELECT created_at FROM article_revisions ORDER BY id DESC LIMIT 1";

    /// <summary>Null for an empty store.</summary>
    public async Task<DateTimeOffset?> LastChangedAsync(CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var stamp = await c.ExecuteScalarAsync<string?>(new CommandDefinition(Sql, cancellationToken: ct));
        return Seo.SiteUrls.ParseStoredDate(stamp);
    }
}
