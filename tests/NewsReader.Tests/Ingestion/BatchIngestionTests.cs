using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Ingestion;
using NewsReader.Store;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Ingestion;

/// <summary>
/// A folder is stored many files to a transaction, a savepoint per file: a file the database refuses is reported and
/// skipped, the files around it are stored and searchable, and the search index stays in step with the articles.
/// </summary>
public sealed class BatchIngestionTests : IDisposable
{
    private const string BrokenTitle = "Ferry strike ends after talks";

    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    private static string Article(string title, string word) =>
        Seeds.TextArticle(title, "Harbour Gazette", "By Ana Ruiz", "March 3, 2024",
            $"The {word} was the talk of the harbour on Monday, residents said at a meeting in the town hall.",
            "Officials promised a fuller statement later in the week.");

    private static readonly (string Name, string Content)[] ThreeFiles =
    [
        ("a-before.txt", Article("Quay walls repaired after winter storms", "kittiwake")),
        ("b-broken.txt", Article(BrokenTitle, "cormorant")),
        ("c-after.txt", Article("Lifeboat crew honoured for rescue", "guillemot")),
    ];

    [Theory]
    [InlineData("ABORT")] // the failing statement is undone; the transaction goes on
    [InlineData("ROLLBACK")] // the database drops the whole transaction, with the files stored before it
    public async Task FileTheDatabaseRefuses_IsReportedAndSkipped_FilesAroundItAreStoredAndSearchable(string raise)
    {
        await RefuseRevisionsTitledAsync(BrokenTitle, raise);

        var summary = await _app.SeedAsync(ThreeFiles);

        Assert.Equal(
            [("a-before.txt", IngestionResult.Ingested), ("b-broken.txt", IngestionResult.Failed), ("c-after.txt", IngestionResult.Ingested)],
            summary.Outcomes.Select(o => (Path.GetFileName(o.Path), o.Result)));
        Assert.Contains("refused by the test", summary.Outcomes[1].Reason);
        Assert.Equal("kittiwake", await SearchTopWordAsync("kittiwake", "Quay walls repaired after winter storms"));
        Assert.Equal("guillemot", await SearchTopWordAsync("guillemot", "Lifeboat crew honoured for rescue"));
        var (brokenPage, _) = await _app.GetPageAsync("/articles/ferry-strike-ends-after-talks");
        Assert.Equal(404, (int)brokenPage.StatusCode);
        await using var c = await OpenAsync();
        var failed = await c.QuerySingleAsync<(string Path, string Reason)>("SELECT path, reason FROM ingestion_log WHERE outcome = 'failed'");
        Assert.EndsWith("b-broken.txt", failed.Path);
        Assert.Contains("refused by the test", failed.Reason);
        Assert.Equal(2, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ingestion_log WHERE outcome = 'ingested'"));
    }

    [Fact]
    public async Task FileTheDatabaseRefused_IsStoredAtTheNextScanOnceItCanBe()
    {
        await RefuseRevisionsTitledAsync(BrokenTitle, "ABORT");
        await _app.SeedAsync(ThreeFiles);
        await using (var c = await OpenAsync())
        {
            await c.ExecuteAsync("DROP TRIGGER test_refuse_revision");
        }

        var second = await _app.IngestAsync();

        Assert.Equal(IngestionResult.Ingested, second.Outcomes.Single(o => o.Path.EndsWith("b-broken.txt")).Result);
        Assert.Equal(2, second.Count(IngestionResult.Unchanged));
        var (response, page) = await _app.GetPageAsync("/articles/ferry-strike-ends-after-talks");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("cormorant", page.QuerySelector(".article-body")!.TextContent);
    }

    [Fact]
    public async Task ManyFilesInOneRun_EveryArticleIsFoundBySearch()
    {
        var files = Enumerable.Range(0, 40)
            .Select(i => ($"{i:D2}.txt", Article($"Harbour notice number {i} from the council", UniqueWord(i))))
            .ToArray();

        var summary = await _app.SeedAsync(files);

        Assert.Equal(40, summary.Count(IngestionResult.Ingested));
        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(UniqueWord(i), await SearchTopWordAsync(UniqueWord(i), $"Harbour notice number {i} from the council"));
        }
    }

    private static string UniqueWord(int i) => $"zorbl{(char)('a' + i % 26)}{(char)('a' + i / 26)}x";

    /// <summary>Searches a word; asserts the single hit is the expected article and returns the word its snippet marks.</summary>
    private async Task<string> SearchTopWordAsync(string word, string expectedTitle)
    {
        var (response, page) = await _app.GetPageAsync($"/search?q={word}");
        Assert.Equal(200, (int)response.StatusCode);
        var hit = Assert.Single(page.QuerySelectorAll(".search-hit"));
        Assert.Equal(expectedTitle, hit.QuerySelector("h2 a")!.TextContent);
        return hit.QuerySelector(".snippet mark")!.TextContent;
    }

    /// <summary>Makes the database refuse to store one article, as a full disk or a constraint would.</summary>
    private async Task RefuseRevisionsTitledAsync(string title, string raise)
    {
        _ = _app.Server; // migrations have run
        await using var c = await OpenAsync();
        // Test-only SQL: the title is a constant of this class and RAISE takes no parameters.
        await c.ExecuteAsync($"""
            CREATE TRIGGER test_refuse_revision BEFORE INSERT ON article_revisions WHEN new.title = '{title}'
            BEGIN SELECT RAISE({raise}, 'refused by the test'); END;
            """);
    }

    private Task<System.Data.Common.DbConnection> OpenAsync() => _app.OpenDatabaseAsync();
}
