using System.Text.RegularExpressions;
using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Reading;

/// <summary>A reader's path through the reading pages, clicking as a person would.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReadingFlowTests(BrowserFixture fx)
{
    [Fact]
    public async Task Reader_OpensSeedFromList_SeesItsFacts_AndReachesItsSource()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = SeedArticles.SeedTitle }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/articles/{SeedArticles.SeedSlug}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(SeedArticles.SeedTitle);
        // The kicker is upper-cased by CSS; the outlet's name itself is unchanged.
        await Expect(page.Locator("article .kicker a")).ToHaveTextAsync(SeedArticles.SeedOutlet);
        await Expect(page.Locator("article header time")).ToHaveTextAsync("17 January 2025");
        await Expect(page.Locator(".article-body p").First).ToHaveTextAsync(new Regex("^Japan has formally launched an independent diplomatic mission to NATO"));
        await Expect(page.Locator(".article-body p")).ToHaveCountAsync(9);

        await page.GetByRole(AriaRole.Link, new() { Name = "Source and history of this article" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/articles/{SeedArticles.SeedSlug}/source$"));
        await Expect(page.Locator("main")).ToContainTextAsync("000_630aa6f5e7edb06a.txt");
    }

    [Fact]
    public async Task Reader_GoesFromArticleToOutlet_AndFromSourcesListToOutlet()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/articles/{SeedArticles.SeedSlug}");

        await page.Locator("article .kicker a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/sources/{SeedArticles.SeedOutletSlug}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(SeedArticles.SeedOutlet);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = SeedArticles.SeedTitle })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sources" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sources$"));
        foreach (var outlet in SeedArticles.Outlets.Append(SeedArticles.SeedOutlet))
        {
            await page.GetByRole(AriaRole.Link, new() { Name = outlet, Exact = true }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(outlet);
            await page.GoBackAsync();
        }
    }

    [Fact]
    public async Task UnknownArticle_ShowsNotFoundPage_WithStatus404()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/articles/no-such-article-here");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("main h1")).ToHaveTextAsync(new Regex("not found", RegexOptions.IgnoreCase));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
    }
}
