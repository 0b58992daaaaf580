using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Feeds;

public sealed partial class RssFeedTests(FeedTestData data) : IClassFixture<FeedTestData>
{
    private readonly NewsReaderApp _app = data.App;

    [Theory]
    [InlineData("/feed/rss")]
    [InlineData("/feed?format=rss")]
    public async Task Feed_IsValidRss2(string url)
    {
        var response = await _app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        var channel = rss.Element("channel")!;
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("title")!.Value));
        Assert.Equal("http://localhost/", channel.Element("link")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")!.Value));
        AssertRfc822(channel.Element("lastBuildDate")!.Value);

        var items = channel.Elements("item").ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(3, items.Select(i => i.Element("guid")!.Value).Distinct().Count());
        foreach (var item in items)
        {
            Assert.StartsWith("http://localhost/articles/", item.Element("link")!.Value);
            Assert.True(Uri.IsWellFormedUriString(item.Element("guid")!.Value, UriKind.Absolute));
            AssertRfc822(item.Element("pubDate")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(item.Element("description")!.Value));
        }

        Assert.Contains(items, i => i.Element("title")!.Value == FeedTestData.TrickyTitle);
    }

    [Fact]
    public async Task FullText_PutsEscapedHtmlInDescription_SummaryPutsExcerpt()
    {
        var client = _app.CreateClient();
        var full = XDocument.Parse(await client.GetStringAsync("/feed/rss")).Root!.Element("channel")!.Elements("item").First();
        var summary = XDocument.Parse(await client.GetStringAsync("/feed/rss?content=summary")).Root!.Element("channel")!.Elements("item").First();

        Assert.StartsWith("<p>", full.Element("description")!.Value);
        Assert.StartsWith("First paragraph of", summary.Element("description")!.Value);
    }

    private static void AssertRfc822(string value)
    {
        Assert.Matches(Rfc822(), value);
        var withoutZone = value[..value.LastIndexOf(' ')];
        Assert.True(DateTime.TryParseExact(withoutZone, "ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), value);
    }

    // RFC 822 date-time with four-digit year (as RSS 2.0 recommends) and a numeric, UT/GMT or military zone.
    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} ([+-]\d{4}|UT|GMT|Z)$")]
    private static partial Regex Rfc822();
}
