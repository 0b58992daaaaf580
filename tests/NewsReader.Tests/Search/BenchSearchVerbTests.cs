using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>
/// The benchmark that docs/benchmarks.md quotes, run end to end as anyone reproducing the figures runs it: generate a
/// corpus, ingest it, time the query mix in process and over HTTP. Only that it runs and reports is asserted; its
/// numbers belong to the benchmark, not to a test.
/// </summary>
public sealed class BenchSearchVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsreader-bench-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task BenchSearch_OverAGeneratedCorpus_ReportsEveryMeasureAndTheRatios()
    {
        var corpus = Path.Combine(_folder, "corpus");
        // The configured store: a SQLite file, or (in the PostgreSQL pass) a database of its own, where the raw measure
        // is the tsquery statements instead of FTS5's.
        using var store = TestDatabase.Create(_folder);
        var settings = store.Settings.Select(s => $"--{s.Key}={s.Value}").ToArray();
        var raw = store.ConnectionString is null ? "raw FTS5" : "raw tsquery";
        Assert.Equal(0, (await AppProcess.RunAsync(_folder, "generate-corpus", "--count", "300", "--out", corpus, "--seed", "1")).Exit);
        Assert.Equal(0, (await AppProcess.RunAsync(_folder, ["ingest", corpus, .. settings])).Exit);

        var (exit, stdout, stderr) = await AppProcess.RunAsync(_folder, ["bench-search", "--rounds", "2", "--warm-up", "0", .. settings]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("Articles: 300;", stdout);
        Assert.Contains("2 rounds × 24 queries, one client, sequential, after 1 warm-up rounds.", stdout);
        foreach (var measure in new[] { raw, "server (SearchStore)", "HTTP /api/search", "HTTP /search page" })
        {
            foreach (var kind in new[] { "1-word", "2-word", "phrase", "prefix", "filtered", "unicode", "all" })
            {
                Assert.Matches($@"(?m)^\| {Regex.Escape(measure)} \| {kind} \| \d+\.\d\d \| \d+\.\d\d \| \d+\.\d\d \|$", stdout);
            }
        }

        Assert.Matches($@"HTTP /api/search p95 / {raw} p95 = \d+\.\d\d; HTTP /search page p95 / {raw} p95 = \d+\.\d\d", stdout);
        Assert.Matches(@"Over the time budget: server \d+ of 48, HTTP /api/search \d+ of 48, HTTP /search page \d+ of 48\.", stdout);
    }

    [Fact]
    public async Task BenchSearch_OnAnExistingDatabase_SamplesItsQueriesFromTheArticles()
    {
        var corpus = Path.Combine(_folder, "corpus");
        var database = Path.Combine(_folder, "existing.db");
        Assert.Equal(0, (await AppProcess.RunAsync(_folder, "generate-corpus", "--count", "60", "--out", corpus, "--seed", "2")).Exit);
        Assert.Equal(0, (await AppProcess.RunAsync(_folder, "ingest", corpus, $"--NewsReader:DatabasePath={database}")).Exit);

        var (exit, stdout, stderr) = await AppProcess.RunAsync(_folder, "bench-search", "--database", database, "--rounds", "1", "--warm-up", "0");

        Assert.True(exit == 0, stderr);
        Assert.Contains("with the sampled query mix (24 queries)", stdout);
        Assert.Contains("Articles: 60;", stdout);
        Assert.Matches(@"Over the time budget: server \d+ of 24", stdout);
    }

    [Fact]
    public async Task BenchSearch_WithAMissingDatabase_SaysSoAndExitsTwo()
    {
        var (exit, _, stderr) = await AppProcess.RunAsync(_folder, "bench-search", "--database", Path.Combine(_folder, "missing.db"));

        Assert.Equal(2, exit);
        Assert.Contains("No database at", stderr);
    }

    [Theory]
    [InlineData("--rounds", "0")]
    [InlineData("--warm-up", "-1")]
    public async Task BenchSearch_WithAnOutOfRangeOption_ShowsItsUsageAndExitsTwo(string option, string value)
    {
        var (exit, _, stderr) = await AppProcess.RunAsync(_folder, "bench-search", option, value, $"--NewsReader:DatabasePath={Path.Combine(_folder, "none.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("Usage: bench-search [--rounds N] [--warm-up SECONDS] [--database FILE] [--queries fixed|sampled]", stderr);
    }
}
