using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using NewsReader.Admin;
using NewsReader.Tests.Admin;
using NewsReader.Tests.Infrastructure;
using static NewsReader.Tests.Corrections.CorrectionDesk;

namespace NewsReader.Tests.Corrections;

/// <summary>What readers see of corrections: the public log, its Atom feed, and notes that cannot carry script.</summary>
public sealed class PublicRecordTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly NewsReaderApp _app = new();
    private HttpClient _editor = null!;

    public async Task InitializeAsync()
    {
        await SeedAsync(_app);
        await _app.SeedAsync(("ferry.txt", Seeds.TextArticle("Ferry timetable changes for winter", "Island Post")));
        _editor = await Newsroom.SignedInAsync(_app, "edna", Roles.Editor);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CorrectionsPage_ListsEveryNoticeNewestFirst_WithTitleOutletAndDate()
    {
        var first = await PublishAsync(_editor, "Clarification", "The bridge reopens to cyclists on Monday and to cars a day later.");
        var second = await PublishAsync(_editor, "EditorsNote", "This article was updated to add the council's statement on costs.");

        var (response, page) = await _app.GetPageAsync("/corrections");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = page.QuerySelectorAll("ol.correction-log > li");
        Assert.Equal([$"correction-{second}", $"correction-{first}"], items.Select(i => i.Id));
        Assert.Equal("Editor's note", items[0].QuerySelector(".badge")!.TextContent);
        Assert.Equal(Title, items[0].QuerySelector("h2 a")!.TextContent);
        Assert.Equal($"/articles/{Slug}#correction-{second}", items[0].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Harbour Gazette", items[0].QuerySelector(".outlet")!.TextContent);
        Assert.NotNull(items[0].QuerySelector("time[datetime]"));
        Assert.Contains("/corrections/feed", page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/corrections?page=0")]
    [InlineData("/corrections?page=999")]
    public async Task CorrectionsPage_OddPageNumbers_AreNotErrors(string url)
    {
        var (response, _) = await _app.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Feed_IsValidAtom_WithIdsUpdatedAndAbsoluteLinks()
    {
        var id = await PublishAsync(_editor, "Correction", "An earlier version of this article misspelled the mayor's name. He is John Smyth.");

        var response = await _editor.GetAsync("/corrections/feed");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")!.Value, UriKind.Absolute));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        Assert.NotEmpty(feed.Element(Atom + "title")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("http://localhost/corrections/feed", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal($"http://localhost/corrections/{id}", entry.Element(Atom + "id")!.Value);
        Assert.Equal($"Correction: {Title}", entry.Element(Atom + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
        Assert.Equal($"http://localhost/articles/{Slug}#correction-{id}", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Contains("misspelled", entry.Element(Atom + "content")!.Value);

        using var reader = XmlReader.Create(new StringReader(xml));
        var parsed = SyndicationFeed.Load(reader);
        Assert.Single(parsed.Items);
    }

    [Fact]
    public async Task Feed_WithNoCorrections_IsStillValidAtom()
    {
        var xml = await (await _editor.GetAsync("/corrections/feed")).Content.ReadAsStringAsync();

        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Empty(feed.Elements(Atom + "entry"));
        Assert.NotNull(feed.Element(Atom + "updated"));
    }

    [Fact]
    public async Task ScriptAndJavascriptLinksInANote_RenderInert_OnTheArticleTheLogAndTheFeed()
    {
        const string note = "Readers noticed <script>alert('x')</script> and <img src=x onerror=alert(1)> and [a link](javascript:alert(2)) in the first version.";
        var id = await PublishAsync(_editor, "Correction", note);

        var (_, article) = await _app.GetPageAsync($"/articles/{Slug}");
        var box = article.QuerySelector($"#correction-{id}")!;
        Assert.Empty(box.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(box.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Readers noticed", box.TextContent);

        var (_, log) = await _app.GetPageAsync("/corrections");
        var item = log.QuerySelector($"#correction-{id}")!;
        Assert.Empty(item.QuerySelectorAll("script, img"));
        Assert.DoesNotContain(item.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));

        var xml = await (await _editor.GetAsync("/corrections/feed")).Content.ReadAsStringAsync();
        var content = XDocument.Parse(xml).Root!.Element(Atom + "entry")!.Element(Atom + "content")!.Value;
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(content);
        Assert.Empty(html.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(html.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Readers noticed", html.Body!.TextContent);
    }

    [Fact]
    public async Task ChangesPage_EncodesArticleText_AndUnknownArticlesAre404()
    {
        await PublishAsync(_editor, "Correction", "The mayor's name was misspelled in the first paragraph; it is Smyth.",
            body => body.Replace("John Smith", "John <b>Smyth</b> & co", StringComparison.Ordinal));

        var (_, changes) = await _app.GetPageAsync($"/articles/{Slug}/changes");
        Assert.Null(changes.QuerySelector(".diff b"));
        Assert.Contains("Smyth", changes.QuerySelector(".diff ins")!.TextContent);
        var (missing, _) = await _app.GetPageAsync("/articles/no-such-article/changes");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
