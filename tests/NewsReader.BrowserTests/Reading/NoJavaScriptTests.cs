using System.Text.RegularExpressions;
using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Reading;

/// <summary>The reading pages are server-rendered: with JavaScript off they show everything and their forms and links work.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserFixture fx)
{
    [Theory]
    [MemberData(nameof(PublicPages.Urls), MemberType = typeof(PublicPages))]
    public async Task Page_RendersItsHeadingAndNavigation_WithoutJavaScript(string url)
    {
        await using var context = await fx.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(url);

        Assert.Equal(PublicPages.All.Single(p => p.Url == url).Status, response!.Status);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("main h1").First.InnerTextAsync()), "the page has a visible heading");
        Assert.True(await page.GetByRole(AriaRole.Search, new() { Name = "Site", Exact = true }).IsVisibleAsync(), "the header search form is there");
    }

    [Fact]
    public async Task ArticleBody_IsComplete_WithoutJavaScript()
    {
        await using var context = await fx.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = SeedArticles.SeedTitle }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/articles/{SeedArticles.SeedSlug}$"));
        await Expect(page.Locator(".article-body p")).ToHaveCountAsync(9);
    }

    [Fact]
    public async Task OutletFilter_IsOneClickOnALink_ThatWorksWithoutJavaScript()
    {
        await using var context = await fx.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Filter by outlet" }).GetByRole(AriaRole.Link, new() { Name = SeedArticles.SeedOutlet }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/\\?outlet={SeedArticles.SeedOutletSlug}$"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"Articles from {SeedArticles.SeedOutlet}");
        await Expect(page.Locator("article.card")).ToHaveCountAsync(1);
    }
}
