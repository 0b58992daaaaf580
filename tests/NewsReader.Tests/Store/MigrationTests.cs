using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Store;
using NewsReader.Store.Sqlite;

namespace NewsReader.Tests.Store;

/// <summary>Migrations on a real SQLite file in a temporary folder.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-migrate-").FullName;
    private readonly Db _db;
    private readonly Migrator _migrator;

    public MigrationTests()
    {
        _db = new Db(Path.Combine(_folder, "data", "news.db"));
        _migrator = new Migrator(_db, NullLogger<Migrator>.Instance);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task MigrateAsync_NewFile_CreatesSchemaAndSetsUserVersion()
    {
        var version = await _migrator.MigrateAsync();

        Assert.True(File.Exists(_db.DatabasePath));
        await using var c = await _db.OpenAsync();
        Assert.Equal(SqliteMigrations.All.Count, version);
        Assert.Equal(SqliteMigrations.All.Count, await c.ExecuteScalarAsync<int>("PRAGMA user_version"));
        var tables = (await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "outlets", "articles", "article_authors", "source_files", "article_revisions", "ingestion_log" }, tables);
        Assert.Equal("wal", await c.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task MigrateAsync_SecondTime_ChangesNothingAndKeepsData()
    {
        await _migrator.MigrateAsync();
        await using var c = await _db.OpenAsync();
        await c.ExecuteAsync("INSERT INTO outlets (slug, name) VALUES ('harbour-gazette', 'Harbour Gazette')");
        var schema = await SchemaAsync(c);

        await _migrator.MigrateAsync();

        Assert.Equal(schema, await SchemaAsync(c));
        Assert.Equal(SqliteMigrations.All.Count, await c.ExecuteScalarAsync<int>("PRAGMA user_version"));
        Assert.Equal("Harbour Gazette", await c.ExecuteScalarAsync<string>("SELECT name FROM outlets"));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseFromNewerApp_RefusesWithClearMessage()
    {
        await _migrator.MigrateAsync();
        await using (var c = await _db.OpenAsync())
        {
            await c.ExecuteAsync($"PRAGMA user_version = {SqliteMigrations.All.Count + 5}");
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => _migrator.MigrateAsync());

        Assert.Contains("newer than this app", e.Message);
    }

    [Fact]
    public async Task ForeignKeys_RevisionOfUnknownArticle_IsRefused()
    {
        await _migrator.MigrateAsync();
        await using var c = await _db.OpenAsync();

        var e = await Assert.ThrowsAsync<SqliteException>(() => c.ExecuteAsync("""
            INSERT INTO article_revisions (article_id, number, origin, status, title, body_markdown, body_html, body_text, created_at)
            VALUES (999, 1, 'ingest', 'live', 't', 'b', '<p>b</p>', 'b', '2025-01-01')
            """));

        Assert.Contains("FOREIGN KEY", e.Message);
    }

    [Fact]
    public void Migrations_AreNumberedOneToNInOrder() =>
        Assert.Equal(Enumerable.Range(1, SqliteMigrations.All.Count), SqliteMigrations.All.Select(m => m.Version));

    private static async Task<List<string>> SchemaAsync(System.Data.Common.DbConnection c) =>
        (await c.QueryAsync<string>("SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master ORDER BY name")).ToList();
}
