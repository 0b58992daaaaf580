using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsReader.Store;

namespace NewsReader.Search.Benchmark;

/// <summary>
/// Times the fixed query mix four ways in one run, interleaved so all four see the same machine load:
/// the raw index statements of a search (<see cref="ISearchIndex.FindAsync"/>: ranking and counting) on an open
/// connection, <see cref="SearchStore.SearchAsync"/> in process, and the JSON API and the results page over HTTP from the
/// app started as a child process on 127.0.0.1.
/// </summary>
public sealed class SearchBenchmark(Db db, ISearchIndex index, SearchStore store, AppServer server, IReadOnlyList<(string Kind, string Q)> queries)
{
    /// <summary>The raw measure's name: "raw FTS5" on SQLite, "raw tsquery" on PostgreSQL.</summary>
    private readonly string _raw = "raw " + index.Kind;

    private string[] Measures => [_raw, "server (SearchStore)", "HTTP /api/search", "HTTP /search page"];

    // Searches stopped at their time budget, per measure (raw FTS5 runs without one).
    private readonly int[] _overBudget = new int[4];

    // The raw and server measures query by query, for the report's slowest queries.
    private readonly Dictionary<string, Percentiles> _rawByQuery = [];
    private readonly Dictionary<string, Percentiles> _serverByQuery = [];

    public async Task<string> RunAsync(int rounds, TimeSpan warmUp, CancellationToken ct)
    {
        var timings = Measures.ToDictionary(m => m, _ => new Dictionary<string, Percentiles>());
        await using var raw = await db.OpenSearchAsync(ct);
        var facts = await index.MeasureAsync(raw, ct);
        using var app = await server.StartAsync(ct);

        // Warm-up rounds fill the caches and let the JIT finish, and are not counted. .NET recompiles a method with full
        // optimisation (and the profile it gathered) only after 30 calls and a quiet 100 ms, so in the first seconds the
        // per-request code of both processes still ran unoptimised and was timed against SQLite's C: with one warm-up round
        // HTTP p95 came out 20–40 % higher. The warm-up is timed, not counted in rounds, because a round at 10,000 articles
        // takes half as long as at 100,000 (docs/benchmarks.md).
        var warmRounds = 0;
        var warmStart = Stopwatch.GetTimestamp();
        while (warmRounds == 0 || Stopwatch.GetElapsedTime(warmStart) < warmUp)
        {
            await RoundAsync(raw, app.Client, $"w{++warmRounds}", null, ct);
        }

        for (var round = 1; round <= rounds; round++)
        {
            await RoundAsync(raw, app.Client, round.ToString(CultureInfo.InvariantCulture), timings, ct);
        }

        return Report(rounds, warmRounds, facts, timings);
    }

    /// <summary>Every query of the mix, timed the four ways one after the other; the samples go to <paramref name="timings"/> if given.</summary>
    private async Task RoundAsync(DbConnection raw, HttpClient http, string round, Dictionary<string, Dictionary<string, Percentiles>>? timings, CancellationToken ct)
    {
        foreach (var (kind, q) in queries)
        {
            var plan = await SearchStore.PlanAsync(raw, SearchQueryParser.Parse(q), 1, ct)
                ?? throw new InvalidOperationException($"Query '{q}' names an outlet this database does not have.");
            // The round makes every page URL new, so the reading pages' output cache cannot answer: this times the search.
            var url = "?q=" + Uri.EscapeDataString(q) + "&round=" + round;
            var samples = new[]
            {
                await TimeAsync(async () => { await index.FindAsync(raw, plan, SearchSort.Relevance, ct); return false; }),
                await TimeAsync(async () => (await store.SearchAsync(SearchQueryParser.Parse(q), SearchSort.Relevance, 1, ct)).OverBudget),
                await TimeAsync(() => OverBudgetAsync(http, "/api/search" + url, ct)),
                await TimeAsync(() => OverBudgetAsync(http, "/search" + url, ct)),
            };
            for (var m = 0; timings is not null && m < Measures.Length; m++)
            {
                Add(timings[Measures[m]], kind, samples[m].Ms);
                Add(timings[Measures[m]], "all", samples[m].Ms);
                _overBudget[m] += samples[m].OverBudget ? 1 : 0;
            }

            if (timings is not null)
            {
                Add(_rawByQuery, q, samples[0].Ms);
                Add(_serverByQuery, q, samples[1].Ms);
            }
        }
    }

    private static void Add(Dictionary<string, Percentiles> byKind, string kind, double ms)
    {
        if (!byKind.TryGetValue(kind, out var p))
        {
            byKind[kind] = p = new Percentiles();
        }

        p.Add(ms);
    }

    private static async Task<(double Ms, bool OverBudget)> TimeAsync(Func<Task<bool>> search)
    {
        var start = Stopwatch.GetTimestamp();
        var overBudget = await search();
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, overBudget);
    }

    /// <summary>GETs a search; true when it was stopped at its time budget (503), and any other failure stops the benchmark.</summary>
    private static async Task<bool> OverBudgetAsync(HttpClient http, string url, CancellationToken ct)
    {
        using var response = await http.GetAsync(url, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
        {
            return true;
        }

        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.BadRequest)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}.");
        }

        return false;
    }

    private string Report(int rounds, int warmRounds, SearchIndexSize facts, Dictionary<string, Dictionary<string, Percentiles>> timings)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Articles: {facts.Articles:N0}; indexed text {Mb(facts.TextBytes)}; {facts.IndexKind} {Mb(facts.IndexBytes)} " +
            $"({facts.IndexBytes / (double)Math.Max(1, facts.TextBytes):P0} of the text); database {Mb(facts.DatabaseBytes)}.");
        sb.AppendLine(inv, $"{rounds} rounds × {queries.Count} queries, one client, sequential, after {warmRounds} warm-up rounds. Times in ms.");
        sb.AppendLine();
        sb.AppendLine("| measure | queries | p50 | p95 | p99 |");
        sb.AppendLine("|---|---|---:|---:|---:|");
        foreach (var measure in Measures)
        {
            foreach (var (kind, p) in timings[measure].OrderBy(k => k.Key == "all" ? 1 : 0))
            {
                sb.AppendLine(inv, $"| {measure} | {kind} | {p.P(50):F2} | {p.P(95):F2} | {p.P(99):F2} |");
            }
        }

        var rawP95 = timings[_raw]["all"].P(95);
        sb.AppendLine();
        sb.AppendLine(inv, $"HTTP /api/search p95 / {_raw} p95 = {timings["HTTP /api/search"]["all"].P(95) / rawP95:F2}; " +
            $"HTTP /search page p95 / {_raw} p95 = {timings["HTTP /search page"]["all"].P(95) / rawP95:F2}; " +
            $"server p95 / raw p95 = {timings["server (SearchStore)"]["all"].P(95) / rawP95:F2}.");
        var searches = rounds * queries.Count;
        sb.AppendLine(inv, $"Over the time budget: server {_overBudget[1]} of {searches}, HTTP /api/search {_overBudget[2]} of {searches}, " +
            $"HTTP /search page {_overBudget[3]} of {searches}.");
        // The overall p95 is set by the slowest few queries, and how much each varies from round to round.
        sb.AppendLine("Slowest queries, server p50 / p95 / max (raw p50): " + string.Join("; ", _serverByQuery.OrderByDescending(q => q.Value.P(50)).Take(6)
            .Select(q => string.Create(inv, $"{q.Key} {q.Value.P(50):F1} / {q.Value.P(95):F1} / {q.Value.P(100):F1} ({_rawByQuery[q.Key].P(50):F1})"))) + ".");
        return sb.ToString();
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB");
}
