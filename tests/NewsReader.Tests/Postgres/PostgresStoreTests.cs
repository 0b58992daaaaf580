using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NewsReader.Store;
using NewsReader.Store.Postgres;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Postgres;

/// <summary>What only PostgreSQL has: migrations shared by nodes that start together, and a read replica.</summary>
public sealed class PostgresStoreTests
{
    [Fact]
    public async Task NodesStartingTogether_MigrateOnce_AndAllSeeTheNewestSchema()
    {
        using var database = TestDatabase.CreatePostgres();
        var nodes = Enumerable.Range(0, 4).Select(_ => Db.ForPostgres(database.ConnectionString!)).ToList();

        var versions = await Task.WhenAll(nodes.Select(db => Task.Run(() => new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync())));

        Assert.All(versions, v => Assert.Equal(PostgresMigrations.All.Count, v));
        await using var c = await nodes[0].OpenAsync();
        var applied = (await c.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Enumerable.Range(1, PostgresMigrations.All.Count), applied);
        foreach (var db in nodes)
        {
            await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task DatabaseFromANewerApp_IsRefusedWithAClearMessage()
    {
        using var database = TestDatabase.CreatePostgres();
        await using var db = Db.ForPostgres(database.ConnectionString!);
        var migrator = new Migrator(db, NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync();
        await using (var c = await db.OpenAsync())
        {
            await c.ExecuteAsync("INSERT INTO schema_migrations (version, name) VALUES (@v, 'from a newer app')", new { v = PostgresMigrations.All.Count + 1 });
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());

        Assert.Contains("newer than this app", e.Message);
    }

    [Fact]
    public async Task AMigrationLongerThanTheCommandTimeout_IsApplied()
    {
        // Building search over a large store takes minutes; the driver's command timeout (here one second) must not stop
        // a migration half way and leave the app unable to start.
        using var database = TestDatabase.CreatePostgres();
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 1 }.ToString();
        await using var db = Db.ForPostgres(connectionString);
        await using var c = await db.OpenAsync();
        Migration[] slow = [new(1, "slow", "CREATE TABLE slow AS SELECT 1 AS x FROM pg_sleep(2)")];

        var version = await Migrator.ApplyPendingAsync(db, c, slow, 0, (_, tx) => new CommandDefinition("SELECT 1", transaction: tx), NullLogger.Instance, CancellationToken.None);

        Assert.Equal(1, version);
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT x FROM slow"));
    }

    [Fact]
    public async Task OutletNames_DifferingOnlyInCase_AreOneOutlet_InEveryScript()
    {
        using var database = TestDatabase.CreatePostgres();
        await using var db = Db.ForPostgres(database.ConnectionString!);
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync();
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync("INSERT INTO outlets (slug, name) VALUES ('a', 'Ελληνική Ώρα'), ('b', 'bno IntelliNews')");

        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outlets WHERE name = @n", new { n = "ΕΛΛΗΝΙΚΉ ΏΡΑ" }));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outlets WHERE name = @n", new { n = "BNO INTELLINEWS" }));
        await Assert.ThrowsAsync<PostgresException>(() => c.ExecuteAsync("INSERT INTO outlets (slug, name) VALUES ('c', 'BNO intellinews')"));
    }

    [Fact]
    public async Task ReadingPages_ReadFromTheReplica_AndNeverWriteToIt()
    {
        // The "replica" is a second database the app never writes to, opened read-only: the pages must show what it holds
        // (nothing) and not what the primary holds, and must not fail because they cannot write.
        using var replica = TestDatabase.CreatePostgres();
        await using (var db = Db.ForPostgres(replica.ConnectionString!))
        {
            await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync();
        }

        var readOnly = new NpgsqlConnectionStringBuilder(replica.ConnectionString) { Options = "-c default_transaction_read_only=on" }.ToString();
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["ConnectionStrings:NewsReaderReadOnly"] = readOnly }, database: TestDatabase.CreatePostgres());
        var summary = await app.SeedShippedArticleAsync();
        Assert.Equal(1, summary.Count(NewsReader.Ingestion.IngestionResult.Ingested));

        foreach (var url in new[] { "/", "/sources", "/feed", "/api/articles", "/sitemap.xml", "/search?q=NATO" })
        {
            var (response, page) = await app.GetPageAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("diplomatic mission to NATO", page.Body?.TextContent ?? page.DocumentElement.TextContent);
        }

        // The admin side reads the primary: the article the replica lacks is there.
        await using var primary = await app.OpenDatabaseAsync();
        Assert.Equal(1, await primary.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM articles"));
    }
}
