using System.Text.Json;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Pages;

/// <summary>Every list shows the newest article first and articles without a date after all dated ones.</summary>
public sealed class NewestFirstTests : IAsyncLifetime
{
    private readonly NewsReaderApp _app = new();

    public async Task InitializeAsync()
    {
        await _app.SeedAsync(
            ("undated.txt", "Volunteers restore the lighthouse\n\nThe tower on Gull Point opens to visitors in June after four summers of repairs.\n"),
            ("old.txt", Seeds.TextArticle("Ferry timetable changes for winter", date: "January 5, 2021")),
            ("new.txt", Seeds.TextArticle("Harbour dredging finishes early", date: "June 9, 2025")),
            ("middle.txt", Seeds.TextArticle("Fish market moves to the north quay", outlet: "Coast Courier", date: "May 2, 2023")));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Home_ListsNewestFirst_AndUndatedLast()
    {
        var (_, page) = await _app.GetPageAsync("/");

        Assert.Equal(
            ["Harbour dredging finishes early", "Fish market moves to the north quay", "Ferry timetable changes for winter", "Volunteers restore the lighthouse"],
            page.QuerySelectorAll("article.card h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Home_FilteredByOutlet_ListsOnlyItsArticles_NewestFirst_WithTheirCount()
    {
        var (_, page) = await _app.GetPageAsync("/?outlet=harbour-gazette");

        Assert.Equal(
            ["Harbour dredging finishes early", "Ferry timetable changes for winter"],
            page.QuerySelectorAll("article.card h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("2 articles", page.Body!.TextContent);
    }

    [Fact]
    public async Task ApiAndFeed_ListNewestFirst_AndUndatedLast()
    {
        var client = _app.CreateClient();

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/articles")).RootElement;
        var feed = await client.GetStringAsync("/feed");

        Assert.Equal(
            ["Harbour dredging finishes early", "Fish market moves to the north quay", "Ferry timetable changes for winter", "Volunteers restore the lighthouse"],
            json.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.True(feed.IndexOf("Harbour dredging finishes early", StringComparison.Ordinal) < feed.IndexOf("Ferry timetable changes for winter", StringComparison.Ordinal));
        Assert.True(feed.IndexOf("Ferry timetable changes for winter", StringComparison.Ordinal) < feed.IndexOf("Volunteers restore the lighthouse", StringComparison.Ordinal));
    }
}
