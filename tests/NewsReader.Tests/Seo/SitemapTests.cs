using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Seo;

public sealed partial class SitemapTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly (string Name, string Content)[] FiveArticles = NewsReader.Tests.Api.FiveArticlesApp.Files;

    [Fact]
    public async Task SmallSite_OneUrlSetWithEveryPageAndLastmod()
    {
        using var app = new NewsReaderApp();
        await app.SeedAsync(FiveArticles);

        var root = await GetXmlAsync(app, "/sitemap.xml");

        Assert.Equal(Ns + "urlset", root.Name);
        var urls = root.Elements(Ns + "url").ToList();
        Assert.Equal(["http://localhost/", "http://localhost/sources", "http://localhost/sources/harbour-gazette", "http://localhost/sources/valley-courier"],
            urls.Take(4).Select(u => u.Element(Ns + "loc")!.Value));
        Assert.Equal(9, urls.Count);
        Assert.Contains(urls, u => u.Element(Ns + "loc")!.Value == "http://localhost/articles/ferry-fares-frozen");
        Assert.All(urls.Skip(2), u => Assert.Matches(W3cDateTime(), u.Element(Ns + "lastmod")!.Value));
    }

    [Fact]
    public async Task PastTheLimit_SitemapBecomesAnIndexOfFilesCoveringEveryUrlOnce()
    {
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:Sitemap:UrlsPerFile"] = "4" });
        await app.SeedAsync(FiveArticles);

        var index = await GetXmlAsync(app, "/sitemap.xml");

        Assert.Equal(Ns + "sitemapindex", index.Name);
        var files = index.Elements(Ns + "sitemap").Select(s => s.Element(Ns + "loc")!.Value).ToList();
        Assert.Equal(["http://localhost/sitemap-1.xml", "http://localhost/sitemap-2.xml", "http://localhost/sitemap-3.xml"], files);
        var locs = new List<string>();
        foreach (var file in files)
        {
            var urls = (await GetXmlAsync(app, new Uri(file).AbsolutePath)).Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();
            Assert.InRange(urls.Count, 1, 4);
            locs.AddRange(urls);
        }

        Assert.Equal(9, locs.Count);
        Assert.Equal(9, locs.Distinct().Count());
        Assert.Equal(5, locs.Count(l => l.StartsWith("http://localhost/articles/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/sitemap-0.xml")]
    [InlineData("/sitemap-2.xml")]
    public async Task SitemapFilesPastTheEnd_Are404(string url)
    {
        using var app = new NewsReaderApp();
        await app.SeedAsync(FiveArticles[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task RobotsTxt_PointsAtTheSitemapAndKeepsOutOfAdmin()
    {
        using var app = new NewsReaderApp();

        var response = await app.CreateClient().GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }

    private static async Task<XElement> GetXmlAsync(NewsReaderApp app, string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex W3cDateTime();
}
