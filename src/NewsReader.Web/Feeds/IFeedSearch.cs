using Dapper;
using NewsReader.Store;

namespace NewsReader.Feeds;

/// <summary>
/// What /search/feed asks for search results. The search area registers its full-text implementation, which replaces
/// the default below (registered with TryAdd).
/// </summary>
public interface IFeedSearch
{
    /// <summary>Ids of the articles matching the query, best match first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<long>> SearchAsync(string query, int limit, CancellationToken ct);
}

/// <summary>A plain search until full-text search exists: the query, as one phrase, in the title or excerpt; newest first.</summary>
public sealed class TitleExcerptFeedSearch(Db db) : IFeedSearch
{
    // The pattern is a parameter; "\" escapes the LIKE wildcards a reader may type.
    private const string Sql = """
        SELECT a.id FROM articles a
        WHERE a.title LIKE @pattern ESCAPE '\' OR a.excerpt LIKE @pattern ESCAPE '\'
        ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<long>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var phrase = query.Trim();
        if (phrase.Length == 0)
        {
            return [];
        }

        var pattern = "%" + phrase.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<long>(new CommandDefinition(Sql, new { pattern, limit }, cancellationToken: ct))).AsList();
    }
}
