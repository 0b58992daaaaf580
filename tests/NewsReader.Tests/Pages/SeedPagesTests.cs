using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Pages;

public sealed class SeedPagesTests : IAsyncLifetime
{
    private readonly NewsReaderApp _app = new();

    public Task InitializeAsync() => _app.SeedShippedArticleAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Home_ListsSeedWithOutletDateAndReadingTime()
    {
        var (response, page) = await _app.GetPageAsync("/");

        Assert.Equal(200, (int)response.StatusCode);
        var card = Assert.Single(page.QuerySelectorAll("article.card"));
        Assert.Equal("Japan establishes diplomatic mission to NATO as ties to Russia, China deteriorate", card.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("bno IntelliNews", card.QuerySelector(".outlet")!.TextContent);
        Assert.Equal("2025-01-17", card.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("min read", card.TextContent);
    }

    [Fact]
    public async Task ArticlePage_ShowsNineParagraphsWithoutPageFurniture()
    {
        var (response, page) = await _app.GetPageAsync($"/articles/{Seeds.SeedSlug}");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Japan establishes diplomatic mission to NATO as ties to Russia, China deteriorate", page.QuerySelector("h1")!.TextContent);
        var paragraphs = page.QuerySelectorAll(".article-body p");
        Assert.Equal(9, paragraphs.Length);
        Assert.StartsWith("Japan has formally launched an independent diplomatic mission to NATO", paragraphs[0].TextContent);
        Assert.DoesNotContain("Features", page.QuerySelector(".article-body")!.TextContent);
        Assert.DoesNotContain("Dismiss", page.QuerySelector(".article-body")!.TextContent);
        Assert.Equal("17 January 2025", page.QuerySelector("article header time")!.TextContent);
        Assert.Equal("/sources/bno-intellinews", page.QuerySelector(".kicker a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ArticlePage_HasMetaDescriptionOpenGraphAndNewsArticleJsonLd()
    {
        var (_, page) = await _app.GetPageAsync($"/articles/{Seeds.SeedSlug}");

        Assert.Contains("Japan establishes diplomatic mission", page.Title);
        Assert.StartsWith("Japan has formally launched", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("bno IntelliNews", page.QuerySelector("meta[property='og:site_name']")!.GetAttribute("content"));
        var jsonLd = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("NewsArticle", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("2025-01-17", jsonLd.GetProperty("datePublished").GetString());
        Assert.Equal("bno", jsonLd.GetProperty("author")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task SourcePage_ShowsFileHashDroppedLinesAndRevision()
    {
        var (response, page) = await _app.GetPageAsync($"/articles/{Seeds.SeedSlug}/source");

        Assert.Equal(200, (int)response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains(Path.GetFileName(Seeds.SeedFile), text);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Seeds.SeedFile)));
        Assert.Equal(sha, page.QuerySelector(".hash")!.TextContent);
        Assert.Equal(["Features", "Dismiss"], page.QuerySelectorAll(".dropped code").Select(c => c.TextContent));
        Assert.Single(page.QuerySelectorAll(".revisions tbody tr"));
    }

    [Fact]
    public async Task Sources_ListOutletWithCountAndDates()
    {
        var (_, page) = await _app.GetPageAsync("/sources");

        var row = Assert.Single(page.QuerySelectorAll("table.sources tbody tr"));
        Assert.Equal("bno IntelliNews", row.QuerySelector("th a")!.TextContent);
        Assert.Equal("1", row.QuerySelector(".num")!.TextContent);
    }

    [Fact]
    public async Task OutletPage_ListsAuthorsAndBureaus()
    {
        var (_, page) = await _app.GetPageAsync("/sources/bno-intellinews");

        Assert.Equal("bno IntelliNews", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("bno", page.QuerySelector("[aria-labelledby=authors-title]")!.TextContent);
        Assert.Contains("Taipei Bureau", page.QuerySelector("[aria-labelledby=bureaus-title]")!.TextContent);
    }

    [Theory]
    [InlineData("/articles/no-such-article")]
    [InlineData("/articles/no-such-article/source")]
    [InlineData("/sources/no-such-outlet")]
    [InlineData("/no/such/page")]
    public async Task UnknownAddress_Returns404WithHelpfulPage(string url)
    {
        var (response, page) = await _app.GetPageAsync(url);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Contains("not found", page.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task EveryPage_HasLandmarksAndSearchBox()
    {
        var (_, page) = await _app.GetPageAsync("/");

        Assert.NotNull(page.QuerySelector("header"));
        Assert.NotNull(page.QuerySelector("nav"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.Equal("/search", page.QuerySelector("form[role=search]")!.GetAttribute("action"));
    }
}
