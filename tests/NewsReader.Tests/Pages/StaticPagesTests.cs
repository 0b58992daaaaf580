using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Pages;

/// <summary>Reading pages are plain HTML: the Blazor framework script is not sent, only the small reader.js.</summary>
public sealed class StaticPagesTests : IAsyncLifetime
{
    private readonly NewsReaderApp _app = new();

    public Task InitializeAsync() => _app.SeedShippedArticleAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/" + Seeds.SeedSlug)]
    [InlineData("/search?q=nato")]
    [InlineData("/sources/bno-intellinews")]
    [InlineData("/corrections")]
    public async Task ReadingPage_LoadsNoBlazorScript_OnlyReaderJs(string url)
    {
        var (_, page) = await _app.GetPageAsync(url);

        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.DoesNotContain(scripts, s => s.Contains("blazor", StringComparison.OrdinalIgnoreCase));
        Assert.Single(scripts, s => s.Contains("reader", StringComparison.Ordinal) && s.EndsWith(".js", StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("[data-reader-tools]"), t => Assert.True(t.HasAttribute("hidden")));
    }
}
