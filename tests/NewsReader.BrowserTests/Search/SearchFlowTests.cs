using System.Text.RegularExpressions;
using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Search;

/// <summary>
/// The header search form leads to /search?q= with ranked, highlighted results (issue 4).
/// Kept in its own class: it passes once the search page exists.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchFlowTests(BrowserFixture fx)
{
    [Fact]
    public async Task HeaderSearch_FindsSeed_WithMatchedWordMarkedInSnippet()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sources");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" }).FillAsync("diplomatic");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=diplomatic$"));
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = SeedArticles.SeedTitle })).ToBeVisibleAsync();
        var marks = await page.Locator("main mark").AllInnerTextsAsync();
        Assert.Contains(marks, m => m.Equals("diplomatic", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Harbour council approves plan number 1 for the old docks" }).CountAsync());
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    [InlineData("phone-light")]
    public async Task SearchResultsPage_HasNoAxeViolations(string view)
    {
        await using var context = await fx.NewContextAsync(Accessibility.AxeTests.Views[view]());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/search?q=diplomatic");

        await AxeScan.AssertNoViolationsAsync(page, $"/search?q=diplomatic ({view})");
    }
}
