using System.Text.RegularExpressions;
using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Reading;

/// <summary>
/// The reader features reader.js adds on top of pages that work without it: shortcuts, read state, list view, theme and
/// text size (remembered in this browser), copy-link, relative times and the print stylesheet.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderFeaturesTests(BrowserFixture fx)
{
    [Fact]
    public async Task Keys_JAndK_MoveThroughTheList_OOpensIt_SlashSearches_QuestionMarkHelps()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var titles = await page.Locator("article.card .card-title a").AllInnerTextsAsync();

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator("article.card.is-selected .card-title a")).ToHaveTextAsync(titles[1]);
        await Expect(page.Locator("article.card.is-selected .card-title a")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("?");
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#site-search")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j"); // typing in the box is typing, not a shortcut
        await Expect(page.Locator("#site-search")).ToHaveValueAsync("j");

        await page.Locator("main h1").ClickAsync();
        await page.Keyboard.PressAsync("o");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(titles[1]);
    }

    [Fact]
    public async Task ReadArticles_AreMarked_AndMarkAllRead_IsRemembered()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/articles/{SeedArticles.SeedSlug}");
        await page.GotoAsync("/");

        var seedCard = page.Locator("article.card").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = SeedArticles.SeedTitle }) });
        await Expect(seedCard).ToHaveClassAsync(new Regex(@"\bis-read\b"));
        await Expect(page.Locator("article.card:not(.is-read)").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all on this page read" }).ClickAsync();
        await page.ReloadAsync();

        await Expect(page.Locator("article.card:not(.is-read)")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ThemeTextSizeAndTitlesOnly_AreRemembered_AcrossPages()
    {
        await using var context = await fx.NewContextAsync(new() { ColorScheme = ColorScheme.Light });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var lightBackground = await BackgroundAsync(page);
        var normalSize = await FontSizeAsync(page, ".excerpt");

        await page.GetByText("Display", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Theme").SelectOptionAsync("dark");
        await page.GetByLabel("Text size").SelectOptionAsync("large");
        await page.GetByRole(AriaRole.Button, new() { Name = "Titles only" }).ClickAsync();
        await page.GotoAsync("/sources/" + SeedArticles.SeedOutletSlug);

        Assert.NotEqual(lightBackground, await BackgroundAsync(page));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await page.GotoAsync("/");
        await Expect(page.Locator(".excerpt").First).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Titles only" })).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Titles only" }).ClickAsync();
        Assert.True(await FontSizeAsync(page, ".excerpt") > normalSize, "the large text size makes the text larger");
    }

    [Fact]
    public async Task CopyLink_PutsTheArticleAddressOnTheClipboard()
    {
        await using var context = await fx.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/articles/{SeedArticles.SeedSlug}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Link copied" })).ToBeVisibleAsync();
        Assert.EndsWith($"/articles/{SeedArticles.SeedSlug}", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task RecentTimesInLists_ReadAsTimeAgo_WithTheFullDateKept()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/corrections");

        var time = page.Locator(".correction-log time").First;
        await Expect(time).ToHaveTextAsync(new Regex(@"^(now|just now|\d+ (minute|hour)s? ago|1 minute ago)$"));
        await Expect(time).ToHaveAttributeAsync("title", new Regex(@"^\d{1,2} \w+ \d{4}, \d{2}:\d{2} UTC$"));
    }

    [Fact]
    public async Task Print_ShowsTheArticleWithoutSiteFurniture()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/articles/{SeedArticles.SeedSlug}");

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator(".next-reads")).ToBeHiddenAsync();
        await Expect(page.Locator(".article-body")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_TheToolsThatNeedItAreNotShown()
    {
        await using var context = await fx.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/articles/{SeedArticles.SeedSlug}");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeHiddenAsync();
        await Expect(page.GetByText("Display", new() { Exact = true })).ToBeHiddenAsync();
        await Expect(page.Locator(".article-body p")).ToHaveCountAsync(9);
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static Task<double> FontSizeAsync(IPage page, string selector) =>
        page.EvaluateAsync<double>($"() => parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)");
}
