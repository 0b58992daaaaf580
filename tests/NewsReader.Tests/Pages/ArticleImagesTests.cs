using System.Text.Json;
using NewsReader.Articles;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Pages;

/// <summary>Images in an article show as figures that load lazily and privately; only web and site addresses load.</summary>
public sealed class ArticleImagesTests : IDisposable
{
    private const string Markdown = """
        ---
        title: Harbour crane lifted into place
        site: Harbour Gazette
        date: 2024-05-02
        ---

        ![The new crane over the quay](https://images.gazette.example/crane.jpg "The crane arrived by barge on Tuesday. Photo: Ana Ruiz")

        Work on the quay went on through the night, the port said, with the crane in place by dawn.

        A second picture inline ![a worker](https://images.gazette.example/worker.jpg) sits in the text.

        ![tracker](javascript:alert(1)) ![pixel](//tracker.example/p.gif) ![local file](photo.jpg)
        """;

    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ImageAloneInAParagraph_IsAFigureWithItsCaption_LazyAndWithoutReferrer()
    {
        await _app.SeedAsync(("crane.md", Markdown));

        var (_, page) = await _app.GetPageAsync("/articles/harbour-crane-lifted-into-place");

        var figure = page.QuerySelector(".article-body figure")!;
        var image = figure.QuerySelector("img")!;
        Assert.Equal("https://images.gazette.example/crane.jpg", image.GetAttribute("src"));
        Assert.Equal("The new crane over the quay", image.GetAttribute("alt"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal("no-referrer", image.GetAttribute("referrerpolicy"));
        Assert.Equal("The crane arrived by barge on Tuesday. Photo: Ana Ruiz", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll(".article-body img").Length);
        Assert.All(page.QuerySelectorAll(".article-body img"), i => Assert.StartsWith("https://images.gazette.example/", i.GetAttribute("src")));
        Assert.Contains("local file", page.QuerySelector(".article-body")!.TextContent);
    }

    [Fact]
    public async Task FirstImage_IsTheLeadImage_InOpenGraphAndJsonLd()
    {
        await _app.SeedAsync(("crane.md", Markdown));

        var (_, page) = await _app.GetPageAsync("/articles/harbour-crane-lifted-into-place");

        Assert.Equal("https://images.gazette.example/crane.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        var ld = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("https://images.gazette.example/crane.jpg", ld.GetProperty("image")[0].GetString());
    }

    [Theory]
    [InlineData("<p>x</p><img src=\"/media/ab12cd.jpg\" alt=\"\">", "http://news.example/media/ab12cd.jpg")]
    [InlineData("<p>x</p>", null)]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">", null)]
    public void Lead_IsAnAbsoluteWebAddress_OrNone(string html, string? lead) =>
        Assert.Equal(lead, ArticleImages.Lead(html, "http://news.example"));

    [Fact]
    public void Renderer_MakesALoneImageAFigure_AndRefusesOtherAddresses()
    {
        var html = BodyRenderer.ToHtml("![map](https://maps.example/m.png)");

        Assert.Contains("loading=\"lazy\"", html);
        Assert.DoesNotContain("<p>", html); // the lone image became a figure
        Assert.True(ArticleImages.IsAllowedSource("https://maps.example/m.png"));
        Assert.False(ArticleImages.IsAllowedSource("//maps.example/m.png"));
        Assert.False(ArticleImages.IsAllowedSource("file:///etc/passwd"));
    }
}
