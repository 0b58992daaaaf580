using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Pages;

/// <summary>From an article a reader can reach the publisher's page and the next thing to read.</summary>
public sealed class ArticleNavigationTests : IDisposable
{
    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Article_LinksToNewerOlder_AndMoreFromItsOutlet_InListOrder()
    {
        await _app.SeedAsync(
            ("a.txt", Seeds.TextArticle("Ferry timetable changes for the winter", date: "March 1, 2024")),
            ("b.txt", Seeds.TextArticle("Lighthouse keepers cottage restored", date: "March 2, 2024")),
            ("c.txt", Seeds.TextArticle("Quay walls repaired after winter storms", "Valley Courier", date: "March 3, 2024")));

        var (_, middle) = await _app.GetPageAsync("/articles/lighthouse-keepers-cottage-restored");
        var (_, newest) = await _app.GetPageAsync("/articles/quay-walls-repaired-after-winter-storms");

        var reads = middle.QuerySelector("nav[aria-label='More to read']")!;
        Assert.Equal("/articles/quay-walls-repaired-after-winter-storms", reads.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/articles/ferry-timetable-changes-for-the-winter", reads.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("Ferry timetable changes for the winter", reads.QuerySelector("a[rel=next]")!.TextContent);
        Assert.Equal("More from Harbour Gazette", reads.QuerySelector("h2")!.TextContent);
        Assert.Equal(["Ferry timetable changes for the winter"], reads.QuerySelectorAll("section li a").Select(a => a.TextContent));
        Assert.Null(newest.QuerySelector("nav[aria-label='More to read'] a[rel=prev]"));
        Assert.Null(newest.QuerySelector("nav[aria-label='More to read'] h2")); // alone in its outlet
    }

    [Fact]
    public async Task Article_WithAWebAddress_LinksToTheOriginal_AndNeverToAScriptAddress()
    {
        await _app.SeedAsync(
            ("tram.md", "---\ntitle: Tram line to the university opens\nsite: Valley Courier\ndate: 2024-05-02\nurl: https://courier.example/news/tram-line\n---\n\nThe first trams ran on Monday morning, packed with students.\n"),
            ("bad.md", "---\ntitle: Council agenda published\nsite: Valley Courier\ndate: 2024-05-03\nurl: \"javascript:alert(1)\"\n---\n\nThe agenda for the spring meeting is out, with the budget first.\n"));

        var (_, tram) = await _app.GetPageAsync("/articles/tram-line-to-the-university-opens");
        var (_, bad) = await _app.GetPageAsync("/articles/council-agenda-published");

        var original = tram.QuerySelector(".original a")!;
        Assert.Equal("https://courier.example/news/tram-line", original.GetAttribute("href"));
        Assert.Equal("Read the original at courier.example", original.TextContent);
        Assert.Contains("noopener", original.GetAttribute("rel"));
        Assert.Null(bad.QuerySelector(".original"));
        Assert.DoesNotContain(bad.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task Dates_ReadAsDayMonthYearAndUtc_InsideTimeElements()
    {
        await _app.SeedAsync(("tram.md", "---\ntitle: Tram line to the university opens\nsite: Valley Courier\ndate: 2025-03-14T08:30:00+01:00\n---\n\nThe first trams ran on Monday morning, packed with students.\n"));

        var (_, article) = await _app.GetPageAsync("/articles/tram-line-to-the-university-opens");
        var (_, home) = await _app.GetPageAsync("/");

        var time = article.QuerySelector("article header time")!;
        Assert.Equal("14 March 2025, 07:30 UTC", time.TextContent);
        Assert.StartsWith("2025-03-14T", time.GetAttribute("datetime"));
        Assert.True(home.QuerySelector("article.card time")!.HasAttribute("data-relative"));
    }
}
