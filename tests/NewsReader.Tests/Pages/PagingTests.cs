using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Pages;

/// <summary>Later pages of a list continue where the page before ended, newest first, without gaps or repeats.</summary>
public sealed class PagingTests : IAsyncLifetime
{
    private readonly NewsReaderApp _app = new();

    // 30 stories, one a day in January 2024: "Story 30" is the newest.
    private static readonly string[] NewestFirst = Enumerable.Range(1, 30).Reverse().Select(n => $"Story {n:00} from the quay").ToArray();

    public Task InitializeAsync() => _app.SeedAsync(Enumerable.Range(1, 30)
        .Select(n => ($"{n:00}.txt", Seeds.TextArticle($"Story {n:00} from the quay", date: $"January {n}, 2024")))
        .ToArray());

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/", "/?page=2", "article.card h2")]
    [InlineData("/?outlet=harbour-gazette", "/?outlet=harbour-gazette&page=2", "article.card h2")]
    [InlineData("/search?outlet=harbour-gazette", "/search?outlet=harbour-gazette&page=2", ".search-hit h2")]
    public async Task TwoPages_HoldEveryArticleOnce_NewestFirst(string first, string second, string titles)
    {
        var (_, one) = await _app.GetPageAsync(first);
        var (_, two) = await _app.GetPageAsync(second);

        Assert.Equal(NewestFirst, one.QuerySelectorAll(titles).Concat(two.QuerySelectorAll(titles)).Select(h => h.TextContent.Trim()));
        Assert.Equal(25, one.QuerySelectorAll(titles).Length);
    }
}
