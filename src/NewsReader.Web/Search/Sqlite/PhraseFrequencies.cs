using System.Globalization;
using System.Runtime.InteropServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsReader.Search.Sqlite;

/// <summary>
/// How common each phrase of a query is, for <see cref="RelevanceFunction"/>: the share of the newest
/// <see cref="SampleSize"/> articles that hold it. Counting a phrase over the newest articles only keeps the cost flat
/// as the archive grows, and news vocabulary shifts slowly enough that the newest articles stand for the rest.
/// </summary>
public static class PhraseFrequencies
{
    public const int SampleSize = 1_000;

    // The day the newest SampleSize articles reach back to, and how many articles that is: both from the published-date
    // index. No row when there are fewer articles: then the sample is all of them.
    private const string SampleSql = """
        SELECT day AS Day, (SELECT COUNT(*) FROM articles WHERE published_at >= day) AS Articles
        FROM (SELECT substr(published_at, 1, 10) AS day FROM articles ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET @offset)
        """;

    private const string AllArticlesSql = "SELECT COUNT(*) FROM articles";

    private const string PhraseSql = """
        SELECT COUNT(*) FROM search_index WHERE search_index MATCH @phrase AND rowid >= @low
        """;

    /// <summary>One double per phrase, in the order <see cref="FtsExpression"/> writes them, as the blob the SQL function reads.</summary>
    public static async Task<byte[]> EstimateAsync(SqliteConnection c, IReadOnlyList<SearchTerm> terms, CancellationToken ct)
    {
        var shares = new double[terms.Count];
        if (terms.Count == 1)
        {
            // One phrase: its rarity scales every score alike and cannot change the order, so it is not counted.
            shares[0] = 0.01;
            return MemoryMarshal.AsBytes(shares.AsSpan()).ToArray();
        }

        var sample = await c.QuerySingleOrDefaultAsync<(string? Day, long Articles)?>(new CommandDefinition(SampleSql, new { offset = SampleSize - 1 }, cancellationToken: ct));
        var articles = sample?.Articles ?? await c.ExecuteScalarAsync<long>(new CommandDefinition(AllArticlesSql, cancellationToken: ct));
        var low = DateOnly.TryParseExact(sample?.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? SearchKeys.DayStart(day) : 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var phrase = FtsExpression.Build([[terms[i]]], []);
            var holding = await c.ExecuteScalarAsync<long>(new CommandDefinition(PhraseSql, new { phrase, low }, cancellationToken: ct));
            shares[i] = (double)holding / Math.Max(1, articles);
        }

        return MemoryMarshal.AsBytes(shares.AsSpan()).ToArray();
    }
}
