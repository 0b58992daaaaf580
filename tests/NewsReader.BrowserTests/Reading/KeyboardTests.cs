using System.Text.Json;
using System.Text.RegularExpressions;
using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Reading;

/// <summary>Everything a reader can click is reachable with Tab, in a sensible order, and shows where focus is.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fx)
{
    // What the focused element is and how its focus ring looks, read from the browser itself.
    private const string DescribeFocus = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(),
                text: (el.innerText || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '').trim(),
                href: el.getAttribute('href') || '',
                focusVisible: el.matches(':focus-visible'),
                outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth) || 0,
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
            };
        }
        """;

    [Fact]
    public async Task Tab_FromPageStart_ReachesSkipLinkSearchNavAndArticles_EachWithVisibleFocusRing()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var stops = new List<FocusStop>();
        for (var i = 0; i < 14; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await FocusedAsync(page);
            Assert.NotNull(stop);
            Assert.True(stop.FocusVisible, $"Tab stop {i + 1} ({stop.Tag} '{stop.Text}') matches :focus-visible");
            Assert.True(stop.OutlineStyle != "none" && stop.OutlineWidth >= 2, $"Tab stop {i + 1} ({stop.Tag} '{stop.Text}') has a focus ring: outline {stop.OutlineStyle} {stop.OutlineWidth}px");
            Assert.True(stop.OnScreen, $"Tab stop {i + 1} ({stop.Tag} '{stop.Text}') is visible on screen when focused");
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
        var next = await FocusedAsync(page);
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

    private static async Task<FocusStop?> FocusedAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement?>(DescribeFocus);
        return json is not { ValueKind: JsonValueKind.Object } e
            ? null
            : new FocusStop(
                e.GetProperty("tag").GetString()!, e.GetProperty("text").GetString()!, e.GetProperty("href").GetString()!,
                e.GetProperty("focusVisible").GetBoolean(), e.GetProperty("outlineStyle").GetString()!,
                e.GetProperty("outlineWidth").GetDouble(), e.GetProperty("onScreen").GetBoolean());
    }

    private sealed record FocusStop(string Tag, string Text, string Href, bool FocusVisible, string OutlineStyle, double OutlineWidth, bool OnScreen);
}
