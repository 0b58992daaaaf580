using AngleSharp.Dom;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

public sealed class SearchPageTests(SearchCorpusFixture corpus) : IClassFixture<SearchCorpusFixture>
{
    private async Task<IDocument> SearchAsync(string query)
    {
        var (response, page) = await corpus.App.GetPageAsync("/search?" + query);
        Assert.Equal(200, (int)response.StatusCode);
        return page;
    }

    private static List<string> Titles(IDocument page) =>
        page.QuerySelectorAll(".search-hit h2 a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task TitleHit_OutranksBodyHit()
    {
        var page = await SearchAsync("q=lighthouse");

        Assert.Equal(["Lighthouse keepers return to the coast", "Ferry timetable changes for spring"], Titles(page));
        Assert.Contains("2 articles", page.QuerySelector(".count")!.TextContent);
    }

    [Theory]
    [InlineData("q=lighthouse", false)]
    [InlineData("", false)]
    [InlineData("q=nothingmatchesthis", true)]
    [InlineData("q=lighthouse&page=2", true)]
    public async Task OnlySearchesThatFindSomething_OnTheirFirstPage_AreOpenToSearchEngines(string query, bool noindex)
    {
        var page = await SearchAsync(query);

        Assert.Equal(noindex, page.QuerySelector("meta[name=robots]")?.GetAttribute("content") == "noindex");
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
    }

    [Fact]
    public async Task Results_ShowOutletDateAndLinkToTheArticle()
    {
        var page = await SearchAsync("q=narwhal");

        var hit = Assert.Single(page.QuerySelectorAll(".search-hit"));
        Assert.Equal("/articles/narwhal-spotted-near-the-fjord", hit.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Northern Times", hit.QuerySelector(".outlet")!.TextContent);
        Assert.Equal("2021-08-20", hit.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Snippet_MarksMatchedWordsAndEncodesArticleText()
    {
        var page = await SearchAsync("q=zebra");

        var snippet = Assert.Single(page.QuerySelectorAll(".snippet"));
        Assert.Equal("zebra", snippet.QuerySelector("mark")!.TextContent);
        Assert.Empty(snippet.QuerySelectorAll("script"));
        Assert.Contains("&lt;script&gt;alert", snippet.InnerHtml);
        Assert.Contains("<script>alert('x')</script>", snippet.TextContent);
    }

    [Theory]
    [InlineData("q=%22central+bank%22", "Ferry timetable changes for spring")]
    [InlineData("q=central+bank", "Budget talks stall in parliament|Ferry timetable changes for spring")]
    [InlineData("q=walrus+OR+narwhal", "Budget talks stall in parliament|Narwhal spotted near the fjord")]
    [InlineData("q=harbour+-strike", "Café owners welcome tourists|Lighthouse keepers return to the coast")]
    [InlineData("q=elect*", "Budget talks stall in parliament")]
    [InlineData("q=title%3Abudget", "Budget talks stall in parliament")]
    [InlineData("q=author%3Aokafor", "Budget talks stall in parliament|Ferry timetable changes for spring")]
    [InlineData("q=source%3A%22valley+courier%22", "Budget talks stall in parliament|Ferry timetable changes for spring")]
    [InlineData("q=harbour+from%3A2023-01-01+to%3A2023-12-31", "Café owners welcome tourists")]
    [InlineData("q=harbour&from=2023-01-01&to=2023-12-31", "Café owners welcome tourists")]
    [InlineData("q=said&outlet=northern-times", "Narwhal spotted near the fjord")]
    [InlineData("q=from%3A2020-01-01+to%3A2020-12-31", "Zebra crossing repainted")]
    [InlineData("q=cafe", "Café owners welcome tourists")]
    [InlineData("q=running", "Café owners welcome tourists")]
    [InlineData("q=keeper", "Lighthouse keepers return to the coast")]
    public async Task EachOperator_FindsExactlyItsArticles(string query, string expected)
    {
        var page = await SearchAsync(query);

        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), Titles(page).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SortByDate_PutsNewestFirst()
    {
        var page = await SearchAsync("q=the&sort=date");

        var dates = page.QuerySelectorAll(".search-hit time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.Equal(6, dates.Count);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Theory]
    [InlineData("\"unclosed phrase lighthouse")]
    [InlineData("OR")]
    [InlineData("-")]
    [InlineData("!!! ??? ...")]
    [InlineData("colour:red lighthouse")]
    [InlineData("light\thouse")] // other control characters are removed at the door (Security/SafeInput), silently
    [InlineData("-lighthouse")]
    public async Task BadQuery_GetsAMessageNotAnError(string q)
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString(q));

        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".search-problems")?.TextContent));
    }

    [Fact]
    public async Task TenThousandCharacterQuery_GetsAMessageAndResults()
    {
        var q = "lighthouse " + new string('x', 10_000);

        var page = await SearchAsync("q=" + Uri.EscapeDataString(q));

        Assert.Contains("500 characters", page.QuerySelector(".search-problems")!.TextContent);
    }

    [Fact]
    public async Task UnclosedQuote_StillFindsThePhrase()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("\"central bank"));

        Assert.Equal(["Ferry timetable changes for spring"], Titles(page));
    }

    [Fact]
    public async Task EmptyQuery_ShowsTipsAndRecentOutlets()
    {
        var page = await SearchAsync("q=");

        Assert.NotNull(page.QuerySelector(".search-tips"));
        var outlets = page.QuerySelectorAll(".recent-outlets a").Select(a => a.TextContent).ToList();
        Assert.Equal("Harbour Gazette", outlets[0]);
        Assert.Contains("Northern Times", outlets);
        Assert.Empty(page.QuerySelectorAll(".search-hit"));
    }

    [Fact]
    public async Task HeaderSearchBox_ShowsTheCurrentQuery()
    {
        var page = await SearchAsync("q=walrus+OR+narwhal");
        var (_, home) = await corpus.App.GetPageAsync("/?q=ignored");

        Assert.Equal("walrus OR narwhal", page.QuerySelector("#site-search")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(home.QuerySelector("#site-search")!.GetAttribute("value")));
    }

    [Fact]
    public async Task NoMatch_SaysSoAndSuggestsWhatToTry()
    {
        var page = await SearchAsync("q=xylophone");

        Assert.Contains("No articles match", page.QuerySelector(".empty")!.TextContent);
    }

    [Theory]
    [InlineData("q=lighthouse", "Lighthouse")]
    [InlineData("q=cafe", "Café")]
    [InlineData("q=title%3Akeepers", "keepers")]
    public async Task TitleMatches_AreHighlighted_LikeSnippets(string query, string marked)
    {
        var page = await SearchAsync(query);

        Assert.Contains(marked, page.QuerySelectorAll(".search-hit h2 a mark").Select(m => m.TextContent));
    }

    [Fact]
    public void TitleMarks_EncodeTheHeadline()
    {
        var marks = new NewsReader.Search.TitleMarks(NewsReader.Search.SearchQueryParser.Parse("harbour"));

        Assert.Equal("<mark>Harbour</mark> &lt;b&gt;works&lt;/b&gt; &amp; more", marks.Html("Harbour <b>works</b> & more"));
    }

    [Fact]
    public async Task Heading_RepeatsTheQuery_AndTheOrderIsAToggle()
    {
        var page = await SearchAsync("q=lighthouse");

        Assert.Equal("Results for “lighthouse”", page.QuerySelector("main h1")!.TextContent.Trim());
        var order = page.QuerySelector("nav[aria-label='Order of results']")!;
        Assert.Equal("Best match", order.QuerySelector("a[aria-current=page]")!.TextContent);
        Assert.Equal("/search?q=lighthouse&sort=date", order.QuerySelectorAll("a").Single(a => a.TextContent == "Newest first").GetAttribute("href"));
        Assert.Contains("best match first", page.QuerySelector(".count")!.TextContent);
    }

    [Fact]
    public async Task SearchFeed_IsAdvertisedInTheHead_AndAsAVisibleLink()
    {
        var page = await SearchAsync("q=lighthouse%20OR%20ferry");

        var alternate = page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains("/search/feed?q=lighthouse%20OR%20ferry", alternate);
        Assert.Equal("/search/feed?q=lighthouse%20OR%20ferry", page.QuerySelectorAll("main a").Single(a => a.TextContent == "Follow this search in a feed reader").GetAttribute("href"));
        var feed = await corpus.App.CreateClient().GetAsync("/search/feed?q=lighthouse%20OR%20ferry");
        Assert.Equal(200, (int)feed.StatusCode);
    }

    [Fact]
    public async Task DateFilters_AreNativeDateInputs_KeepingTheChosenDays()
    {
        var page = await SearchAsync("q=lighthouse&from=2024-01-01&to=2024-12-31");

        Assert.Equal("date", page.QuerySelector("#search-from")!.GetAttribute("type"));
        Assert.Equal("2024-01-01", page.QuerySelector("#search-from")!.GetAttribute("value"));
        Assert.Equal("2024-12-31", page.QuerySelector("#search-to")!.GetAttribute("value"));
    }
}
