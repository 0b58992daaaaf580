using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Store;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Feeds;

public sealed partial class AtomFeedTests(FeedTestData data) : IClassFixture<FeedTestData>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly NewsReaderApp _app = data.App;

    [Fact]
    public async Task Feed_IsValidAtomWithUniqueIdsDatesAndAbsoluteLinks()
    {
        var (response, feed) = await GetAtomAsync("/feed");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        AssertAbsolute(feed.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        AssertRfc3339(feed.Element(Atom + "updated")!.Value);
        Assert.Equal("http://localhost/feed", Link(feed, "self"));
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal(3, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        foreach (var entry in entries)
        {
            AssertAbsolute(entry.Element(Atom + "id")!.Value);
            AssertRfc3339(entry.Element(Atom + "updated")!.Value);
            AssertRfc3339(entry.Element(Atom + "published")!.Value);
            Assert.StartsWith("http://localhost/articles/", Link(entry, "alternate"));
            Assert.Contains(entry.Element(Atom + "author")!.Element(Atom + "name")!.Value, new[] { "Ana Ruiz", "Li Wei", "Sam Okafor" });
        }

        // Newest first.
        Assert.Equal(["Ferry timetable changes for winter", "Mountain pass reopens after storm", FeedTestData.TrickyTitle],
            entries.Select(e => e.Element(Atom + "title")!.Value));
    }

    [Fact]
    public async Task Feed_TitleWithMarkupCharactersRoundTrips()
    {
        var (_, feed) = await GetAtomAsync("/feed");

        var title = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!).Single(t => t.Value.StartsWith("Bonds"));
        Assert.Equal(FeedTestData.TrickyTitle, title.Value);
        Assert.Equal("text", title.Attribute("type")!.Value);
    }

    [Fact]
    public async Task Feed_FullTextByDefault_SummaryOnRequest()
    {
        var (_, full) = await GetAtomAsync("/feed");
        var (_, summary) = await GetAtomAsync("/feed?content=summary");

        var content = full.Elements(Atom + "entry").First().Element(Atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        Assert.Contains("<p>", content.Value);
        Assert.All(summary.Elements(Atom + "entry"), e =>
        {
            Assert.Null(e.Element(Atom + "content"));
            Assert.StartsWith("First paragraph of", e.Element(Atom + "summary")!.Value);
        });
    }

    [Fact]
    public async Task EntryInAnotherLanguage_SaysSo()
    {
        await using (var c = await _app.Services.GetRequiredService<Db>().OpenAsync())
        {
            await c.ExecuteAsync("UPDATE articles SET language = 'fr' WHERE title = 'Mountain pass reopens after storm'");
        }

        var (_, feed) = await GetAtomAsync("/feed");

        var entries = feed.Elements(Atom + "entry").ToDictionary(e => e.Element(Atom + "title")!.Value);
        Assert.Equal("fr", entries["Mountain pass reopens after storm"].Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Null(entries["Ferry timetable changes for winter"].Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("en", feed.Attribute(XNamespace.Xml + "lang")!.Value);
    }

    [Fact]
    public async Task OutletFeed_HasOnlyThatOutlet()
    {
        var (response, feed) = await GetAtomAsync("/sources/harbour-gazette/feed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Harbour Gazette", feed.Element(Atom + "title")!.Value);
        Assert.Equal("http://localhost/sources/harbour-gazette", Link(feed, "alternate"));
        Assert.Equal(2, feed.Elements(Atom + "entry").Count());
        Assert.All(feed.Elements(Atom + "entry"), e => Assert.Equal("Harbour Gazette", e.Element(Atom + "category")!.Attribute("term")!.Value));
    }

    [Fact]
    public async Task SearchFeed_ListsMatchingArticles()
    {
        var (_, feed) = await GetAtomAsync("/search/feed?q=timetable");

        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal("Ferry timetable changes for winter", entry.Element(Atom + "title")!.Value);
        Assert.Contains("timetable", feed.Element(Atom + "title")!.Value);
    }

    [Fact]
    public async Task SearchFeed_TreatsWildcardsAsText()
    {
        var (_, feed) = await GetAtomAsync("/search/feed?q=%25");

        Assert.Empty(feed.Elements(Atom + "entry"));
        AssertRfc3339(feed.Element(Atom + "updated")!.Value);
    }

    [Theory]
    [InlineData("/search/feed", 400)]
    [InlineData("/search/feed?q=%20", 400)]
    [InlineData("/feed?format=json", 400)]
    [InlineData("/feed?content=most", 400)]
    [InlineData("/sources/no-such-outlet/feed", 404)]
    public async Task BadFeedRequests_AreProblemDocuments(string url, int status)
    {
        var response = await _app.CreateClient().GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Pages_AdvertiseFeeds()
    {
        var (_, home) = await _app.GetPageAsync("/");
        var (_, outlet) = await _app.GetPageAsync("/sources/harbour-gazette");

        Assert.Equal("http://localhost/feed", home.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("http://localhost/feed/rss", home.QuerySelector("head link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"));
        Assert.Contains(outlet.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']"),
            l => l.GetAttribute("href") == "/sources/harbour-gazette/feed");
    }

    private async Task<(HttpResponseMessage Response, XElement Feed)> GetAtomAsync(string url)
    {
        var response = await _app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!);
    }

    private static string? Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") == rel)?.Attribute("href")?.Value;

    private static void AssertAbsolute(string uri) =>
        Assert.True(Uri.TryCreate(uri, UriKind.Absolute, out _), $"'{uri}' is not an absolute IRI");

    private static void AssertRfc3339(string value)
    {
        Assert.Matches(Rfc3339(), value);
        Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _), value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
