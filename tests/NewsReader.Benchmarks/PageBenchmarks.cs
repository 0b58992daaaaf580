using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Ingestion;

namespace NewsReader.Benchmarks;

/// <summary>
/// An article page through the whole in-process pipeline (TestServer, no sockets): as an anonymous reader gets it (from
/// the output cache when article pages are shared, see ReadingPages), rendered afresh for a request with a cookie, and a
/// 304 revalidation.
/// </summary>
[MemoryDiagnoser]
public class PageBenchmarks
{
    private BenchApp _app = null!;
    private HttpClient _client = null!;
    private string _articleUrl = "";
    private string _etag = "";

    [GlobalSetup]
    public void Setup()
    {
        _app = new BenchApp();
        NewsReader.Corpus.CorpusGenerator.Write(_app.SeedsPath, 200, seed: 1, CancellationToken.None);
        _app.Services.GetRequiredService<Ingester>().IngestFolderAsync(_app.SeedsPath, CancellationToken.None).GetAwaiter().GetResult();
        _client = _app.CreateClient();
        var home = _client.GetStringAsync("/").GetAwaiter().GetResult();
        var start = home.IndexOf("href=\"/articles/", StringComparison.Ordinal) + "href=\"".Length;
        _articleUrl = home[start..home.IndexOf('"', start)];
        _etag = _client.GetAsync(_articleUrl).GetAwaiter().GetResult().Headers.ETag!.ToString();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ArticleAnonymous() => (await _client.GetByteArrayAsync(_articleUrl)).Length;

    [Benchmark]
    public async Task<int> ArticleRendered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _articleUrl);
        request.Headers.Add("Cookie", "bench=1");
        using var response = await _client.SendAsync(request);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark]
    public async Task<int> ArticleNotModified()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _articleUrl);
        request.Headers.TryAddWithoutValidation("If-None-Match", _etag);
        using var response = await _client.SendAsync(request);
        return (int)response.StatusCode;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.Dispose();
    }

    private sealed class BenchApp : WebApplicationFactory<Program>
    {
        public BenchApp()
        {
            Root = Directory.CreateTempSubdirectory("newsreader-bench-").FullName;
            SeedsPath = Path.Combine(Root, "seeds");
            Directory.CreateDirectory(SeedsPath);
        }

        public string Root { get; }

        public string SeedsPath { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("NewsReader:SeedsPath", SeedsPath);
            builder.UseSetting("NewsReader:DatabasePath", Path.Combine(Root, "bench.db"));
            builder.UseSetting("NewsReader:WatchSeeds", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            SqliteConnection.ClearAllPools();
            Directory.Delete(Root, recursive: true);
        }
    }
}
