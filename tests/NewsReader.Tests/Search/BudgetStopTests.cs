using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsReader.Search;
using NewsReader.Store;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>
/// Hundreds of searches stopped by the time budget, so the stop lands in every statement: inside the ranking function
/// FTS5 calls back into on SQLite, and on PostgreSQL in prepared statements, where a cancel can leave Npgsql out of step
/// with its connection (about one stopped search in a few hundred).
/// </summary>
public sealed class BudgetStopTests(KnownWordsArchive archive) : IClassFixture<KnownWordsArchive>
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

    [Fact]
    public async Task SearchesStoppedPartWay_LeaveNoConnectionOutOfStep_TheNextSearchesAnswerInFull()
    {
        // Budgets from nothing to 20 milliseconds stop searches in every one of their statements, on the pool whose
        // statements are prepared. Each search after one is either stopped too or gives the full answer; none fails on a
        // connection the stop left out of step.
        var db = archive.App.Services.GetRequiredService<Db>();
        var index = archive.App.Services.GetRequiredService<ISearchIndex>();
        SearchStore Store(TimeSpan budget) => new(db, index, Options.Create(new SearchOptions { TimeBudget = budget }), NullLogger<SearchStore>.Instance);
        var query = SearchQueryParser.Parse("beta \"blue heron\" -gamma");
        var full = await Store(TimeSpan.FromMinutes(1)).SearchAsync(query, SearchSort.Relevance, 1, CancellationToken.None);
        Assert.NotEmpty(full.Hits);

        var stopped = 0;
        for (var i = 0; i < 400; i++)
        {
            var results = await Store(TimeSpan.FromTicks(i % 40 * 5_000)).SearchAsync(query, SearchSort.Relevance, 1, CancellationToken.None)
                .WaitAsync(HangGuard);
            if (results.OverBudget)
            {
                stopped++;
                continue;
            }

            Assert.Equal(full.Total, results.Total);
            Assert.Equal(full.Hits.Select(h => h.Id), results.Hits.Select(h => h.Id));
        }

        Assert.InRange(stopped, 1, 399);
    }
}
