using NewsReader.Ingestion;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Extraction;

/// <summary>Saved pages and Markdown files dropped into seeds/ become articles on the site.</summary>
public sealed class HtmlIngestionTests : IDisposable
{
    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    private static string Fixture(string folder, string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name));

    [Fact]
    public async Task Saved_page_becomes_an_article_with_its_structure_and_metadata()
    {
        var summary = await _app.SeedAsync(("ferry.html", Fixture("html", "wordpress-yoast-graph.html")));
        Assert.Equal(1, summary.Count(IngestionResult.Ingested));

        var (response, page) = await _app.GetPageAsync("/articles/harbour-authority-approves-40-million-ferry-terminal-upgrade");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Harbour authority approves $40 million ferry terminal upgrade", page.QuerySelector("h1")!.TextContent);
        var body = page.QuerySelector(".article-body")!;
        Assert.Equal("How the money will be raised", body.QuerySelector("h2")!.TextContent);
        Assert.StartsWith("The Port Meridian harbour authority voted 7-2", body.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave a Reply", body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Recent Posts", body.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dana Whitlock", page.QuerySelector("article header")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/sources/port-meridian-courier", page.QuerySelector(".kicker a")!.GetAttribute("href"));

        var (_, source) = await _app.GetPageAsync("/articles/harbour-authority-approves-40-million-ferry-terminal-upgrade/source");
        Assert.Contains("html", source.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_article_as_html_and_markdown_is_one_article_with_two_source_files()
    {
        const string markdown = """
            ---
            title: Harbour authority approves ferry terminal upgrade
            site: Port Meridian Courier
            url: https://pmcourier.example/2025/03/ferry-terminal/
            ---

            A shorter write-up of the same story, kept as Markdown by a reader.
            """;

        var summary = await _app.SeedAsync(("a/ferry.html", Fixture("html", "wordpress-yoast-graph.html")), ("b/ferry.md", markdown));

        Assert.Equal(1, summary.Count(IngestionResult.Ingested));
        Assert.Equal(1, summary.Count(IngestionResult.Duplicate));
        var (_, home) = await _app.GetPageAsync("/");
        Assert.Single(home.QuerySelectorAll("article.card"));
    }

    [Fact]
    public async Task Markdown_article_is_listed_and_its_raw_html_is_shown_as_text()
    {
        await _app.SeedAsync(("festival.md", Fixture("markdown", "raw-html-inside.md")));

        var (response, page) = await _app.GetPageAsync("/articles/festival-programme-announced");

        Assert.Equal(200, (int)response.StatusCode);
        var body = page.QuerySelector(".article-body")!;
        Assert.Empty(body.QuerySelectorAll("script, iframe, div[onclick]"));
        Assert.Contains("<script>", body.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, body.QuerySelectorAll("tr").Length);
    }

    [Fact]
    public async Task A_binary_file_named_html_is_logged_and_skipped_while_others_ingest()
    {
        await File.WriteAllBytesAsync(Path.Combine(_app.SeedsPath, "photo.html"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        var summary = await _app.SeedAsync(("brief.html", Fixture("html", "short-brief.html")));

        Assert.Equal(1, summary.Count(IngestionResult.Ingested));
        var failed = Assert.Single(summary.Outcomes, o => o.Result == IngestionResult.Failed);
        Assert.Equal("File looks binary, not an HTML page.", failed.Reason);
    }
}
