using NewsReader.Admin;
using NewsReader.Cli;
using NewsReader.Ingestion;
using NewsReader.Extraction;
using NewsReader.Extraction.Html;
using NewsReader.Extraction.Limits;
using NewsReader.Extraction.Markdown;
using NewsReader.Extraction.Text;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

/// <summary>
/// The fuzz suite at CI size, seeded and reproducible: hostile files through the parsers, hostile requests across every
/// route. The full size (10,000 each) is a benchmark: <c>fuzz --count 10000</c> for files, and this test with
/// <c>FUZZ_REQUESTS=10000</c> for requests (docs/benchmarks.md); CI runs the small default counts.
/// </summary>
public sealed class FuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int Seed = 15;

    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) && n > 0 ? n : 400;

    private readonly NewsReaderApp _app = new(settings: new Dictionary<string, string?> { ["NewsReader:Api:RateLimitPermits"] = "0" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task HostileFiles_NoCrashNoHang()
    {
        // A wall time far past any file's cost on a busy machine: a refusal at it is a real hang, not a slow moment.
        var registry = new ParserRegistry([new TextArticleParser(), new HtmlArticleParser(), new MarkdownArticleParser()], new ParseLimits { WallTime = TimeSpan.FromMinutes(2) });

        var report = await FuzzVerb.RunAsync(registry, Seed, 300, CancellationToken.None);

        Assert.True(report.Crashes == 0 && report.Hangs == 0, report.ToString());
        Assert.InRange(report.Articles, 1, 299);
    }

    [Fact]
    public async Task HostileRequests_AcrossEveryRoute_NoServerError()
    {
        await _app.SeedAsync(("minister.txt", Seeds.TextArticle("Harbour minister resigns over ferry contract")));
        var admin = await Newsroom.SignedInAsync(_app, "ada", Roles.Admin);
        var reader = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var random = new Random(Seed);
        var failures = new List<string>();

        var statuses = new SortedDictionary<int, int>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var i = 0; i < Requests; i++)
        {
            var route = RouteTable.Routes[random.Next(RouteTable.Routes.Length)];
            var query = string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                $"{RouteTable.Parameters[random.Next(RouteTable.Parameters.Length)]}={RouteTable.BadValues[random.Next(RouteTable.BadValues.Length)]}"));
            var url = $"{route}?{query}";
            var response = await (route.StartsWith("/admin", StringComparison.Ordinal) ? admin : reader).GetAsync(url);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {url[..Math.Min(url.Length, 120)]}");
            }
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        output.WriteLine($"fuzz requests seed {Seed}: {Requests:N0} requests over {RouteTable.Routes.Length} routes, {failures.Count} 5xx, "
            + $"statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value:N0}"))}, peak memory {self.PeakWorkingSet64 / 1048576.0:N0} MB, "
            + $"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
