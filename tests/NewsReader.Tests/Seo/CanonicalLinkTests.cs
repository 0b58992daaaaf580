using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Seo;

public sealed class CanonicalLinkTests : IAsyncLifetime
{
    private readonly NewsReaderApp _app = new();

    public async Task InitializeAsync() =>
        await _app.SeedAsync(("1.txt", Seeds.TextArticle("Council approves budget", "Harbour Gazette", "By Li Wei", "March 2, 2024")));

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/", "http://localhost/")]
    [InlineData("/?outlet=harbour-gazette", "http://localhost/")]
    [InlineData("/?page=2&outlet=harbour-gazette", "http://localhost/?page=2")]
    [InlineData("/?page=1", "http://localhost/")]
    [InlineData("/sources", "http://localhost/sources")]
    [InlineData("/sources/harbour-gazette?page=3", "http://localhost/sources/harbour-gazette?page=3")]
    [InlineData("/articles/council-approves-budget", "http://localhost/articles/council-approves-budget")]
    [InlineData("/articles/council-approves-budget/source", "http://localhost/articles/council-approves-budget/source")]
    [InlineData("/api/docs", "http://localhost/api/docs")]
    [InlineData("/search", "http://localhost/search")]
    [InlineData("/search?q=budget&utm_source=mail", "http://localhost/search?q=budget")]
    [InlineData("/search?sort=date&q=council+budget&page=2", "http://localhost/search?q=council%20budget&sort=date&page=2")]
    public async Task EveryPage_HasExactlyOneCanonicalLink(string url, string canonical)
    {
        var (_, page) = await _app.GetPageAsync(url);

        var link = Assert.Single(page.QuerySelectorAll("link[rel=canonical]"));
        Assert.Equal(canonical, link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/sources/no-such-outlet")]
    [InlineData("/articles/no-such-article/source")]
    public async Task NotFoundPage_HasNoCanonicalLink(string url)
    {
        var (response, page) = await _app.GetPageAsync(url);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("link[rel=canonical]"));
    }
}
