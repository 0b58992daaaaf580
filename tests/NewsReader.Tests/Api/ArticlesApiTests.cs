using System.Net;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Api;

/// <summary>One app per test class with five articles from two outlets, a day apart.</summary>
public sealed class FiveArticlesApp : IAsyncLifetime
{
    public static readonly (string Name, string Content)[] Files =
    [
        ("1.txt", Seeds.TextArticle("Harbour dredging starts", "Harbour Gazette", "By Ana Ruiz", "March 1, 2024")),
        ("2.txt", Seeds.TextArticle("Council approves budget", "Harbour Gazette", "By Li Wei", "March 2, 2024")),
        ("3.txt", Seeds.TextArticle("Mountain pass reopens", "Valley Courier", "By Sam Okafor", "March 3, 2024")),
        ("4.txt", Seeds.TextArticle("School roof repaired", "Valley Courier", "By Sam Okafor", "March 4, 2024")),
        ("5.txt", Seeds.TextArticle("Ferry fares frozen", "Harbour Gazette", "By Ana Ruiz", "March 5, 2024")),
    ];

    public NewsReaderApp App { get; } = new();

    public Task InitializeAsync() => App.SeedAsync(Files);

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ArticlesApiTests(FiveArticlesApp data) : IClassFixture<FiveArticlesApp>
{
    private readonly HttpClient _client = data.App.CreateClient();

    [Fact]
    public async Task List_DefaultsToFirstPageNewestFirst()
    {
        var page = await (await _client.GetAsync("/api/articles")).JsonAsync();

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(20, page.GetProperty("pageSize").GetInt32());
        var first = page.GetProperty("items")[0];
        Assert.Equal("Ferry fares frozen", first.GetProperty("title").GetString());
        Assert.Equal("http://localhost/articles/ferry-fares-frozen", first.GetProperty("url").GetString());
        Assert.Equal("harbour-gazette", first.GetProperty("outlet").GetProperty("slug").GetString());
        Assert.Equal("2024-03-05", first.GetProperty("publishedAt").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task List_PagesWithNextAndPreviousLinks()
    {
        var second = await (await _client.GetAsync("/api/articles?pageSize=2&page=2")).JsonAsync();
        var last = await (await _client.GetAsync("/api/articles?pageSize=2&page=3")).JsonAsync();

        Assert.Equal(["Mountain pass reopens", "Council approves budget"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(3, second.GetProperty("pageCount").GetInt32());
        Assert.Equal("http://localhost/api/articles?page=3&pageSize=2", second.GetProperty("next").GetString());
        Assert.Equal("http://localhost/api/articles?page=1&pageSize=2", second.GetProperty("previous").GetString());
        Assert.Equal("Harbour dredging starts", Assert.Single(last.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task List_PagePastTheEnd_IsEmptyNotAnError()
    {
        var response = await _client.GetAsync("/api/articles?page=2147483647&pageSize=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.JsonAsync();
        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal("http://localhost/api/articles?page=1&pageSize=100", page.GetProperty("previous").GetString());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("from=2024-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2024-03-05&to=2024-03-01", "after")]
    public async Task List_BadPagingOrDates_Are400ProblemsNamingTheParameter(string query, string named)
    {
        var detail = await (await _client.GetAsync($"/api/articles?{query}")).AssertProblemAsync(400);

        Assert.Contains(named, detail);
    }

    [Fact]
    public async Task List_FiltersByOutletAndInclusiveDates()
    {
        var outlet = await (await _client.GetAsync("/api/articles?outlet=valley-courier")).JsonAsync();
        var dates = await (await _client.GetAsync("/api/articles?from=2024-03-02&to=2024-03-04")).JsonAsync();
        var both = await (await _client.GetAsync("/api/articles?outlet=harbour-gazette&from=2024-03-02&to=2024-03-04")).JsonAsync();

        Assert.Equal(["School roof repaired", "Mountain pass reopens"], outlet.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Equal(["2024-03-04", "2024-03-03", "2024-03-02"], dates.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("publishedAt").GetString()));
        Assert.Equal("Council approves budget", Assert.Single(both.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task List_UnknownOutlet_Is404Problem()
    {
        var detail = await (await _client.GetAsync("/api/articles?outlet=no-such-outlet")).AssertProblemAsync(404);

        Assert.Contains("no-such-outlet", detail);
    }

    [Fact]
    public async Task Article_HasBodyAuthorsAndRevisions()
    {
        var article = await (await _client.GetAsync("/api/articles/council-approves-budget")).JsonAsync();

        Assert.Equal("Council approves budget", article.GetProperty("title").GetString());
        Assert.Equal("Li Wei", article.GetProperty("authors")[0].GetString());
        Assert.Contains("<p>First paragraph of Council approves budget", article.GetProperty("bodyHtml").GetString());
        var revision = Assert.Single(article.GetProperty("revisions").EnumerateArray());
        Assert.Equal("ingest", revision.GetProperty("origin").GetString());
        Assert.Equal("live", revision.GetProperty("status").GetString());
        Assert.Empty(article.GetProperty("corrections").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/articles/no-such-article")]
    [InlineData("/api/outlets/no-such-outlet")]
    [InlineData("/api/no-such-thing")]
    public async Task UnknownIds_Are404ProblemDocuments(string url)
    {
        await (await _client.GetAsync(url)).AssertProblemAsync(404);
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        await (await _client.PostAsync("/api/articles", new StringContent("{}"))).AssertProblemAsync(405);
    }

    [Fact]
    public async Task Outlets_ListsEachWithCountsAndLinks()
    {
        var outlets = await (await _client.GetAsync("/api/outlets")).JsonAsync();
        var one = await (await _client.GetAsync("/api/outlets/valley-courier")).JsonAsync();

        Assert.Equal(["harbour-gazette", "valley-courier"], outlets.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("slug").GetString()));
        Assert.Equal(3, outlets.GetProperty("items")[0].GetProperty("articleCount").GetInt32());
        Assert.Equal("Valley Courier", one.GetProperty("name").GetString());
        Assert.Equal("2024-03-03", one.GetProperty("firstPublished").GetString());
        Assert.Equal("http://localhost/sources/valley-courier/feed", one.GetProperty("feedUrl").GetString());
        Assert.Equal("http://localhost/api/articles?outlet=valley-courier", one.GetProperty("articlesUrl").GetString());
    }
}
