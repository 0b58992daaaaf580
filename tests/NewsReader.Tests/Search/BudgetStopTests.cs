using System.Net;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>
/// Hundreds of searches stopped by the time budget, so the stop lands in every statement: inside the ranking function
/// FTS5 calls back into on SQLite, and on PostgreSQL in statements whose pooled connection last ran a cancelled one
/// (with statements prepared there, Npgsql failed about one such search in a few hundred).
/// </summary>
public sealed class BudgetStopTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SearchesStoppedWhereverTheBudgetLands_AllAnswer503_NeverAFault()
    {
        // The budget can stop a search in any of its statements, including inside the ranking function FTS5 calls back
        // into; each stop is the reader's "took too long", never a server error. Hundreds of searches land it in all of them.
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:Search:TimeBudget"] = "00:00:00.000001" });
        await app.SeedShippedArticleAsync();
        using var client = app.CreateClient();
        client.Timeout = HangGuard;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 300; i++)
        {
            statuses.Add((await client.GetAsync(i % 2 == 0 ? "/search/feed?q=NATO" : "/search/feed?q=NATO+OR+summit")).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
    }
}
