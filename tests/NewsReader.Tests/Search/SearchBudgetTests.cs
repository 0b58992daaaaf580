using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using NewsReader.Search;
using NewsReader.Store;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

public sealed class SearchBudgetTests
{
    // Long enough that only a hang reaches it; a test that hangs fails instead of stopping the run.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Budget_StopsAStatementThatWouldNeverEnd_AndFreesItsConnection()
    {
        var folder = Directory.CreateTempSubdirectory("newsreader-budget-").FullName;
        try
        {
            using var database = TestDatabase.Create(folder);
            await using var db = database.ConnectionString is { } postgres ? Db.ForPostgres(postgres) : new Db(Path.Combine(folder, "budget.db"));
            var index = SearchExtensions.IndexFor(db.Provider);
            await using var c = await db.OpenAsync();
            // The same endless statement on both databases.
            const string Endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) FROM n";

            // SQLite runs the statement synchronously: off the test's thread, so a statement that is never stopped fails the
            // test at the guard instead of holding the run.
            var run = Task.Run(() => SearchBudget.RunAsync(TimeSpan.FromMilliseconds(200), async deadline =>
            {
                using var stop = index.StopOnCancel(c, deadline.Token);
                return await c.ExecuteScalarAsync<long>(new CommandDefinition(Endless, cancellationToken: deadline.Token));
            }, CancellationToken.None, index.IsStopped));

            // Only the database can end this statement (sqlite3_interrupt; PostgreSQL's cancel request): returning at all
            // proves the cancellation reached it.
            await Assert.ThrowsAsync<SearchOverBudgetException>(() => run.WaitAsync(HangGuard));
            // The connection is free again for the next statement.
            Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT 1"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Budget_ClientThatLeaves_CancelsTheWork_WithoutCallingItOverBudget()
    {
        using var leaving = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var run = SearchBudget.RunAsync(TimeSpan.FromMinutes(5), async deadline =>
        {
            await Task.Delay(Timeout.Infinite, deadline.Token);
            return 0;
        }, leaving.Token);

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(HangGuard));
        Assert.IsNotType<SearchOverBudgetException>(e);
    }

    /// <summary>
    /// An app whose searches have a microsecond: every search is stopped at its first check between stages, however
    /// fast the machine, and the reader is told so.
    /// </summary>
    private static async Task<NewsReaderApp> AppWithNoTimeAsync()
    {
        var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:Search:TimeBudget"] = "00:00:00.000001" });
        await app.SeedShippedArticleAsync();
        return app;
    }

    [Fact]
    public async Task Api_SearchOverBudget_Answers503ProblemWithRetryAfter()
    {
        using var app = await AppWithNoTimeAsync();
        using var client = app.CreateClient();
        client.Timeout = HangGuard;

        var response = await client.GetAsync("/api/search?q=NATO");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("took too long", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Page_SearchOverBudget_TellsTheReaderToNarrowIt()
    {
        using var app = await AppWithNoTimeAsync();

        var (response, page) = await app.GetPageAsync("/search?q=NATO");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("took too long", page.QuerySelector(".search-problems")!.TextContent);
        Assert.Contains("Narrow it", page.QuerySelector(".search-problems")!.TextContent);
        // The search form stays, so the reader can narrow the search right there.
        Assert.Equal("NATO", page.QuerySelector("input[name=q]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Feed_SearchOverBudget_Answers503()
    {
        using var app = await AppWithNoTimeAsync();
        using var client = app.CreateClient();
        client.Timeout = HangGuard;

        var response = await client.GetAsync("/search/feed?q=NATO");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
