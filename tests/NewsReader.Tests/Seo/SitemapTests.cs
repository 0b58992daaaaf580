using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using NewsReader.Seo;
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

    [Fact]
    public async Task Lastmod_IsTheLiveRevisionsTime_AndForAnOutletItsNewestArticles()
    {
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:Sitemap:UrlsPerFile"] = "4" });
        await app.SeedAsync(FiveArticles);
        // Revise one Valley Courier article, so its revision is newer than every other.
        await Task.Delay(1100);
        await app.SeedAsync(("3.txt", Seeds.TextArticle("Mountain pass reopens", "Valley Courier", "By Sam Okafor", "March 3, 2024",
            "The pass reopened on Friday after crews cleared the last of the rockfall.", "Drivers were urged to take care.")));

        var lastmods = new Dictionary<string, DateTimeOffset>();
        foreach (var file in new[] { "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml" })
        {
            foreach (var url in (await GetXmlAsync(app, file)).Elements(Ns + "url").Where(u => u.Element(Ns + "lastmod") is not null))
            {
                lastmods[new Uri(url.Element(Ns + "loc")!.Value).AbsolutePath] = DateTimeOffset.Parse(url.Element(Ns + "lastmod")!.Value, CultureInfo.InvariantCulture);
            }
        }

        await using var db = await app.OpenDatabaseAsync();
        var stored = (await db.QueryAsync<(string Slug, string Outlet, string CreatedAt)>("""
            SELECT a.slug, o.slug, r.created_at FROM articles a JOIN outlets o ON o.id = a.outlet_id
            JOIN article_revisions r ON r.id = a.current_revision_id
            """)).ToList();
        DateTimeOffset Second(string iso) => SiteUrls.ParseStoredDate(iso)!.Value is var t ? t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond)) : default;
        Assert.All(stored, a => Assert.Equal(Second(a.CreatedAt), lastmods[$"/articles/{a.Slug}"]));
        Assert.Equal(stored.Where(a => a.Outlet == "valley-courier").Max(a => Second(a.CreatedAt)), lastmods["/sources/valley-courier"]);
        Assert.Equal(stored.Where(a => a.Outlet == "harbour-gazette").Max(a => Second(a.CreatedAt)), lastmods["/sources/harbour-gazette"]);
        Assert.True(lastmods["/sources/valley-courier"] > lastmods["/sources/harbour-gazette"]);
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
