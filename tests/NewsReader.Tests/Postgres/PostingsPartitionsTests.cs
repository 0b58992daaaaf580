using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Search.Postgres;
using NewsReader.Store;
using NewsReader.Store.Postgres;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Postgres;

/// <summary>
/// A database upgraded to partitioned postings (<see cref="SearchPostingsPartitionsSchema"/>) keeps every posting it
/// had, each in the partition its word reads, and the size reported for search counts them.
/// </summary>
public sealed class PostingsPartitionsTests
{
    private const string AllPostingsSql = """
        SELECT sort_key AS Key, lexeme_id AS Lexeme, fields AS Fields, array_to_string(follows, ',') AS Follows
        FROM search_postings ORDER BY lexeme_id, sort_key
        """;

    [Fact]
    public async Task Upgrade_KeepsEveryPosting_AndEachWordReadsItsOwnFromItsPartition()
    {
        using var database = TestDatabase.CreatePostgres();
        await using var db = Db.ForPostgres(database.ConnectionString!);
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        var before = PostgresMigrations.All.Where(m => m.Version < 8).ToList();
        await Migrator.ApplyPendingAsync(db, c, before, 0,
            (m, tx) => new CommandDefinition("INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)", new { m.Version, m.Name }, tx),
            NullLogger.Instance, CancellationToken.None);
        // Postings as the version before left them: 60 words in 400 articles, some with followers, some with too many (NULL).
        await c.ExecuteAsync("""
            INSERT INTO search_postings (sort_key, lexeme_id, fields, follows)
            SELECT a * 4294967296 + a, l, (a * l) % 65536, CASE WHEN a % 11 = 0 THEN NULL ELSE ARRAY[l + 1, l + a] END
            FROM generate_series(1, 400) a, generate_series(1, 60) l WHERE (a + l) % 3 <> 0
            """);
        var expected = (await c.QueryAsync<(long, int, int, string?)>(AllPostingsSql)).ToList();

        Assert.Equal(PostgresMigrations.All.Count, await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync());

        Assert.Equal(expected, (await c.QueryAsync<(long, int, int, string?)>(AllPostingsSql)).ToList());
        Assert.Equal(SearchPostingsPartitionsSchema.Partitions,
            await c.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_inherits WHERE inhparent = 'search_postings'::regclass"));
        foreach (var word in new[] { 1, 17, 60 })
        {
            // A word's postings all sit in one partition, the one its lexeme id hashes to.
            Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT count(DISTINCT tableoid) FROM search_postings WHERE lexeme_id = @word", new { word }));
            Assert.Equal(expected.Count(p => p.Item2 == word), await c.ExecuteScalarAsync<int>("SELECT count(*) FROM search_postings WHERE lexeme_id = @word", new { word }));
        }

        // The benchmark's report of the search tables' size counts the postings, which the partitions hold.
        var postings = await c.ExecuteScalarAsync<long>("SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('search_postings')");
        Assert.True(postings > 1_000_000, $"{postings} bytes of postings");
        Assert.True((await new PostgresSearchIndex().MeasureAsync(c, CancellationToken.None)).IndexBytes > postings);
    }
}
