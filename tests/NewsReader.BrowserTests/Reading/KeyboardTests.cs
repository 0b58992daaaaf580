using System.Text.RegularExpressions;
using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Reading;

/// <summary>Everything a reader can click is reachable with Tab, in a sensible order, and shows where focus is.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fx)
{
    [Fact]
    public async Task Tab_FromPageStart_ReachesSkipLinkSearchNavAndArticles_EachWithVisibleFocusRing()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var stops = new List<FocusStop>();
        // Header (skip link, brand, nav, display settings, search), the outlet filter and the list tools come before the first article.
        for (var i = 0; i < 24; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await Focus.CurrentAsync(page);
            Assert.NotNull(stop);
            Focus.AssertVisible(stop, $"Tab stop {i + 1}");
            stops.Add(stop);
        }

        Assert.Equal("Skip to content", stops[0].Text);
        Assert.Contains(stops, s => s.Tag == "input" && s.Text == "Search articles");
        Assert.Contains(stops, s => s.Tag == "a" && s.Href == "/sources");
        Assert.Contains(stops, s => s.Tag == "a" && s.Href.StartsWith("/articles/", StringComparison.Ordinal));
        var searchIndex = stops.FindIndex(s => s.Tag == "input");
        var firstArticle = stops.FindIndex(s => s.Href.StartsWith("/articles/", StringComparison.Ordinal));
        Assert.True(searchIndex < firstArticle, "the header comes before the content in tab order");
    }

    [Fact]
    public async Task SkipLink_MovesFocusToMainContent()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/articles/{SeedArticles.SeedSlug}");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        var next = await Focus.CurrentAsync(page);
        Assert.NotNull(next);
        Assert.Equal("/sources/" + SeedArticles.SeedOutletSlug, next.Href);
    }

    [Fact]
    public async Task SearchBox_SubmitsWithEnter()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sources");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" }).FocusAsync();
        await page.Keyboard.TypeAsync("docks");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=docks$"));
    }
}
