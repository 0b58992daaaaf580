using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Ingestion;
using NewsReader.Store;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Store;

/// <summary>Ingestion into a real SQLite file: idempotence, revisions, deleted, broken and duplicate files, corrections.</summary>
public sealed class IngestionStoreTests : IDisposable
{
    private const string Title = "Quay walls repaired after winter storms";
    private const string Slug = "quay-walls-repaired-after-winter-storms";
    private const string FirstParagraph = "The harbour's east quay reopened on Monday after four months of repairs to walls damaged in winter storms.";

    private readonly NewsReaderApp _app = new(settings: new Dictionary<string, string?> { ["NewsReader:MaxFileBytes"] = "4000" });

    public void Dispose() => _app.Dispose();

    private static string QuayArticle(string second = "Fishing boats had been landing their catch at the west quay since November.") =>
        Seeds.TextArticle(Title, "Harbour Gazette", "By Ana Ruiz", "March 3, 2024", FirstParagraph, second);

    [Fact]
    public async Task Ingest_UnchangedFileTwice_SecondRunIsANoOp()
    {
        var first = await _app.SeedAsync(("quay.txt", QuayArticle()));

        var second = await _app.IngestAsync();

        Assert.Equal(IngestionResult.Ingested, Assert.Single(first.Outcomes).Result);
        Assert.Equal(IngestionResult.Unchanged, Assert.Single(second.Outcomes).Result);
        await using var c = await OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM articles"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM article_revisions"));
    }

    [Fact]
    public async Task Ingest_ChangedFile_MakesRevisionTwoAndKeepsRevisionOne()
    {
        await _app.SeedAsync(("quay.txt", QuayArticle()));

        var summary = await _app.SeedAsync(("quay.txt", QuayArticle("Boats were back at the east quay by Tuesday morning, the harbour master said.")));

        Assert.Equal(IngestionResult.Revised, Assert.Single(summary.Outcomes).Result);
        await using var c = await OpenAsync();
        var revisions = (await c.QueryAsync<(long Number, string Status, string BodyText)>(
            "SELECT number, status, body_text FROM article_revisions ORDER BY number")).ToList();
        Assert.Equal([(1L, "superseded"), (2L, "live")], revisions.Select(r => (r.Number, r.Status)));
        Assert.Contains("west quay since November", revisions[0].BodyText);
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT r.number FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id"));
        var (_, page) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Contains("back at the east quay by Tuesday", page.QuerySelector(".article-body")!.TextContent);
        Assert.DoesNotContain("since November", page.QuerySelector(".article-body")!.TextContent);
    }

    [Fact]
    public async Task Ingest_FileChangedOnlyInPageFurniture_KeepsOneRevision()
    {
        await _app.SeedAsync(("quay.txt", QuayArticle()));

        var summary = await _app.SeedAsync(("quay.txt", "Advertisement\n" + QuayArticle() + "\nDismiss\n"));

        Assert.Equal(IngestionResult.Unchanged, Assert.Single(summary.Outcomes).Result);
        await using var c = await OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM article_revisions"));
        Assert.Contains("Advertisement", await c.ExecuteScalarAsync<string>("SELECT dropped_json FROM source_files"));
    }

    [Fact]
    public async Task Ingest_DeletedFile_KeepsArticleMarkedSourceMissing()
    {
        await _app.SeedAsync(("quay.txt", QuayArticle()));
        File.Delete(Path.Combine(_app.SeedsPath, "quay.txt"));

        var summary = await _app.IngestAsync();

        Assert.Equal(1, summary.MarkedMissing);
        await using var c = await OpenAsync();
        Assert.True(await c.ExecuteScalarAsync<bool>("SELECT source_missing FROM articles"));
        var (articleResponse, _) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Equal(200, (int)articleResponse.StatusCode);
        var (_, source) = await _app.GetPageAsync($"/articles/{Slug}/source");
        Assert.Contains("has been removed from the seeds folder", source.QuerySelector(".notice")!.TextContent);
        Assert.Contains("(removed)", source.QuerySelector(".provenance h2")!.TextContent);
    }

    [Fact]
    public async Task Ingest_DeletedFileRestored_ClearsSourceMissing()
    {
        await _app.SeedAsync(("quay.txt", QuayArticle()));
        File.Delete(Path.Combine(_app.SeedsPath, "quay.txt"));
        await _app.IngestAsync();

        await _app.SeedAsync(("quay.txt", QuayArticle()));

        await using var c = await OpenAsync();
        Assert.False(await c.ExecuteScalarAsync<bool>("SELECT source_missing FROM articles"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM article_revisions"));
    }

    [Fact]
    public async Task Ingest_BrokenFiles_AreLoggedWithReasonsWhileOthersIngest()
    {
        await File.WriteAllBytesAsync(Path.Combine(_app.SeedsPath, "empty.txt"), []);
        await File.WriteAllBytesAsync(Path.Combine(_app.SeedsPath, "binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]);
        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, "huge.txt"), QuayArticle(new string('x', 5000)));
        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, "blank.txt"), "\n \n\t\n");
        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, "report.pdf"), "%PDF-1.7");

        var summary = await _app.SeedAsync(("quay.txt", QuayArticle()));

        Assert.Equal(IngestionResult.Ingested, summary.Outcomes.Single(o => o.Path.EndsWith("quay.txt", StringComparison.Ordinal)).Result);
        await using var c = await OpenAsync();
        var log = (await c.QueryAsync<(string Path, string Outcome, string Reason)>("SELECT path, outcome, reason FROM ingestion_log WHERE outcome = 'failed'"))
            .ToDictionary(r => Path.GetFileName(r.Path), r => r.Reason);
        Assert.Equal("File is empty.", log["empty.txt"]);
        Assert.Equal("File looks binary, not text.", log["binary.txt"]);
        Assert.Equal("File has no text.", log["blank.txt"]);
        Assert.Matches(@"^File is [\d,]+ bytes, over the 4,000-byte limit\.$", log["huge.txt"]);
        Assert.StartsWith("Unsupported file type '.pdf'", log["report.pdf"]);
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM articles"));
    }

    [Fact]
    public async Task Ingest_BrokenFilesRescanned_AreNotLoggedAgain()
    {
        await File.WriteAllBytesAsync(Path.Combine(_app.SeedsPath, "empty.txt"), []);
        await File.WriteAllTextAsync(Path.Combine(_app.SeedsPath, "huge.txt"), QuayArticle(new string('x', 5000)));
        await _app.IngestAsync();

        await _app.IngestAsync();
        var third = await _app.IngestAsync();

        Assert.All(third.Outcomes, o => Assert.Equal(IngestionResult.Failed, o.Result));
        await using var c = await OpenAsync();
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ingestion_log"));
    }

    [Fact]
    public async Task Ingest_InvalidUtf8File_IngestsWithWarningOnSourcePage()
    {
        await File.WriteAllBytesAsync(Path.Combine(_app.SeedsPath, "cp1252.txt"), System.Text.Encoding.Latin1.GetBytes(QuayArticle().Replace("harbour's", "harbour\u0092s")));

        await _app.IngestAsync();

        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.StartsWith("The harbour’s east quay", article.QuerySelector(".article-body p")!.TextContent);
        var (_, source) = await _app.GetPageAsync($"/articles/{Slug}/source");
        Assert.Contains("decoded as Windows-1252", source.QuerySelector(".provenance")!.TextContent);
    }

    [Fact]
    public async Task Ingest_SameArticleInTwoFiles_IsOneArticleWithTwoSourceFiles()
    {
        var summary = await _app.SeedAsync(("a/quay.txt", QuayArticle()), ("b/quay-copy.txt", "Share\n" + QuayArticle().Replace("\n\n", "\r\n\r\n")));

        Assert.Equal([IngestionResult.Ingested, IngestionResult.Duplicate], summary.Outcomes.Select(o => o.Result));
        await using var c = await OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM articles"));
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM source_files WHERE article_id = (SELECT id FROM articles)"));
        var (_, source) = await _app.GetPageAsync($"/articles/{Slug}/source");
        Assert.Equal(["quay.txt", "quay-copy.txt"], source.QuerySelectorAll(".provenance h2").Select(h => h.TextContent.Trim()).Order().Reverse());
    }

    [Fact]
    public async Task Ingest_OneOfTwoSourceFilesDeleted_ArticleKeepsItsSource()
    {
        await _app.SeedAsync(("a.txt", QuayArticle()), ("b.txt", QuayArticle()));
        File.Delete(Path.Combine(_app.SeedsPath, "a.txt"));

        await _app.IngestAsync();

        await using var c = await OpenAsync();
        Assert.False(await c.ExecuteScalarAsync<bool>("SELECT source_missing FROM articles"));
        Assert.True(await c.ExecuteScalarAsync<bool>("SELECT missing FROM source_files WHERE path LIKE '%a.txt'"));
    }

    [Fact]
    public async Task Ingest_ChangedFileOfCorrectedArticle_AddsPendingRevisionAndKeepsCorrectionLive()
    {
        await _app.SeedAsync(("quay.txt", QuayArticle()));
        await using (var c = await OpenAsync())
        {
            await c.ExecuteAsync("""
                UPDATE article_revisions SET status = 'superseded';
                INSERT INTO article_revisions (article_id, number, origin, status, title, body_markdown, body_html, body_text, created_at, created_by)
                VALUES ((SELECT id FROM articles), 2, 'correction', 'live', @title, 'Corrected text.', '<p>Corrected text.</p>', 'Corrected text.', '2025-01-02T00:00:00+00:00', 'editor');
                UPDATE articles SET current_revision_id = (SELECT MAX(id) FROM article_revisions);
                """, new { title = Title });
        }

        var summary = await _app.SeedAsync(("quay.txt", QuayArticle("A new paragraph arrived in the file after the correction.")));

        Assert.Equal(IngestionResult.PendingReview, Assert.Single(summary.Outcomes).Result);
        await using var db = await OpenAsync();
        var revisions = (await db.QueryAsync<(long Number, string Origin, string Status)>("SELECT number, origin, status FROM article_revisions ORDER BY number")).ToList();
        Assert.Equal([(1L, "ingest", "superseded"), (2L, "correction", "live"), (3L, "ingest", "pending")], revisions);
        var (_, page) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Equal("Corrected text.", page.QuerySelector(".article-body")!.TextContent.Trim());
    }

    [Fact]
    public async Task Ingest_OutletNamesDifferingOnlyInPunctuation_BothIngestWithTheirOwnPages()
    {
        var summary = await _app.SeedAsync(
            ("a.txt", Seeds.TextArticle("Quay walls repaired", "The Herald")),
            ("b.txt", Seeds.TextArticle("Ferry berth approved", "The Herald!")));

        Assert.All(summary.Outcomes, o => Assert.Equal(IngestionResult.Ingested, o.Result));
        await using var c = await OpenAsync();
        var slugs = (await c.QueryAsync<string>("SELECT slug FROM outlets ORDER BY id")).ToList();
        Assert.Equal(2, slugs.Distinct().Count());
        foreach (var slug in slugs)
        {
            var (response, _) = await _app.GetPageAsync($"/sources/{slug}");
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    [Fact]
    public async Task Ingest_FileWithCorrectedDateAndByline_UpdatesTheArticle()
    {
        await _app.SeedAsync(("quay.txt", QuayArticle()));

        var summary = await _app.SeedAsync(("quay.txt", Seeds.TextArticle(Title, "Harbour Gazette", "By Ana Ruiz and Tom Ashby", "March 5, 2024", FirstParagraph,
            "Fishing boats had been landing their catch at the west quay since November.")));

        Assert.NotEqual(IngestionResult.Unchanged, Assert.Single(summary.Outcomes).Result);
        var (_, page) = await _app.GetPageAsync($"/articles/{Slug}");
        Assert.Equal("2024-03-05", page.QuerySelector("article header time")!.GetAttribute("datetime"));
        Assert.Contains("Tom Ashby", page.QuerySelector("article header")!.TextContent);
    }

    [Fact]
    public async Task Ingest_FileWithOnlyANewDate_UpdatesTheDateWithoutANewRevision()
    {
        await _app.SeedAsync(("quay.txt", QuayArticle()));

        var summary = await _app.SeedAsync(("quay.txt", QuayArticle().Replace("March 3, 2024", "March 5, 2024")));

        Assert.Equal(IngestionResult.Revised, Assert.Single(summary.Outcomes).Result);
        await using var c = await OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM article_revisions"));
        Assert.Equal("2024-03-05", await c.ExecuteScalarAsync<string>("SELECT published_at FROM articles"));
    }

    private Task<System.Data.Common.DbConnection> OpenAsync() => _app.OpenDatabaseAsync();
}
