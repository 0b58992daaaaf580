using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Ingestion;

namespace NewsReader.Tests.Infrastructure;

/// <summary>
/// The whole app over a temporary database and seeds folder. The watcher is off unless a test turns it on,
/// so tests ingest explicitly with <see cref="SeedAsync"/> and never race it.
/// </summary>
public sealed class NewsReaderApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TestDatabase _database;

    public NewsReaderApp(bool watchSeeds = false, IDictionary<string, string?>? settings = null, TestDatabase? database = null)
    {
        Root = Directory.CreateTempSubdirectory("newsreader-test-").FullName;
        SeedsPath = Path.Combine(Root, "seeds");
        Directory.CreateDirectory(SeedsPath);
        _database = database ?? TestDatabase.Create(Root);
        _settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["NewsReader:SeedsPath"] = SeedsPath,
            ["NewsReader:WatchSeeds"] = watchSeeds ? "true" : "false",
            ["NewsReader:RescanInterval"] = "00:00:02",
            // Tests share a busy machine: a large fixture must not meet the production wall time by chance. Tests of
            // the limit set their own.
            ["NewsReader:Parse:WallTime"] = "00:05:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string Root { get; }

    public string SeedsPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Writes files into the seeds folder and ingests it.</summary>
    public async Task<IngestionSummary> SeedAsync(params (string Name, string Content)[] files)
    {
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(SeedsPath, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
        }

        return await IngestAsync();
    }

    /// <summary>Copies the project's shipped seed article into the seeds folder and ingests it.</summary>
    public Task<IngestionSummary> SeedShippedArticleAsync()
    {
        File.Copy(Seeds.SeedFile, Path.Combine(SeedsPath, Path.GetFileName(Seeds.SeedFile)));
        return IngestAsync();
    }

    public Task<IngestionSummary> IngestAsync()
    {
        _ = Server; // starts the host, so migrations have run
        return Services.GetRequiredService<Ingester>().IngestFolderAsync(SeedsPath, CancellationToken.None);
    }

    /// <summary>A connection to the app's own store, whichever provider it runs on, for tests that look at stored rows.</summary>
    public Task<System.Data.Common.DbConnection> OpenDatabaseAsync()
    {
        _ = Server; // starts the host, so migrations have run
        return Services.GetRequiredService<NewsReader.Store.Db>().OpenAsync();
    }

    /// <summary>The titles a search page lists for <paramref name="q"/>, in its order (the page must answer 200).</summary>
    public async Task<List<string>> SearchTitlesAsync(string q)
    {
        var (response, page) = await GetPageAsync("/search?q=" + Uri.EscapeDataString(q));
        Xunit.Assert.Equal(200, (int)response.StatusCode);
        return page.QuerySelectorAll(".search-hit h2 a").Select(a => a.TextContent).ToList();
    }

    /// <summary>GETs a page and parses it as a browser would.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string url)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html).Address("http://localhost" + url));
        return (response, document);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _database.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind; it must not fail the test.
        }
    }
}
