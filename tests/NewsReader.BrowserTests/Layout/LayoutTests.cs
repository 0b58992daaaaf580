using NewsReader.BrowserTests.Infrastructure;

namespace NewsReader.BrowserTests.Layout;

/// <summary>
/// Every page fits a phone, a tablet and a desktop, light and dark: nothing makes the page scroll sideways. And the
/// list pages read comfortably: room above the heading and below the pager, excerpts of a readable measure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture fx)
{
    private static readonly int[] Widths = [320, 390, 768, 1280];

    public static TheoryData<string, string?> AllPages()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (url, _) in PublicPages.All)
        {
            data.Add(url, null);
        }

        foreach (var (url, user) in NewsroomPages.WithUser())
        {
            data.Add(url, user);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Page_NeverScrollsSideways_AtAnyWidth_LightOrDark(string url, string? user)
    {
        var overflows = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var options = new BrowserNewContextOptions { ColorScheme = scheme };
            await using var context = user is null ? await fx.NewContextAsync(options) : await SignIn.ContextAsync(fx, user, options);
            var page = await context.NewPageAsync();
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.GotoAsync(url);
                var (scrollWidth, innerWidth, widest) = await MeasureAsync(page);
                if (scrollWidth > innerWidth)
                {
                    overflows.Add($"{scheme} {width}px: page is {scrollWidth}px wide (widest: {widest})");
                }
            }
        }

        Assert.True(overflows.Count == 0, $"{url} scrolls sideways:\n" + string.Join("\n", overflows));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=docks")]
    public async Task ListPage_HasRoomAboveTheHeading_AndBelowThePager(string url)
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        var gaps = await page.EvaluateAsync<double[]>("""
            () => {
                const header = document.querySelector('.site-header').getBoundingClientRect();
                const h1 = document.querySelector('main h1').getBoundingClientRect();
                const main = document.querySelector('main');
                const footer = document.querySelector('.site-footer').getBoundingClientRect();
                const last = main.lastElementChild.getBoundingClientRect();
                return [h1.top - header.bottom, footer.top - last.bottom];
            }
            """);

        Assert.True(gaps[0] >= 16, $"the heading sits {gaps[0]}px under the header");
        Assert.True(gaps[1] >= 24, $"the last thing on the page sits {gaps[1]}px above the footer");
    }

    [Fact]
    public async Task Excerpts_RunAtMostSeventyFiveCharactersALine_OnADesktop()
    {
        await using var context = await fx.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        // Group the excerpt's characters by the line box they are laid out on, and count the longest line.
        var longest = await page.EvaluateAsync<int>("""
            () => {
                let longest = 0;
                for (const p of document.querySelectorAll('.excerpt')) {
                    const text = p.firstChild;
                    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
                    const lines = new Map();
                    const range = document.createRange();
                    for (let i = 0; i < text.length; i++) {
                        range.setStart(text, i); range.setEnd(text, i + 1);
                        const rect = range.getClientRects()[0];
                        if (!rect) continue;
                        const top = Math.round(rect.top);
                        lines.set(top, (lines.get(top) || 0) + 1);
                    }
                    for (const count of lines.values()) longest = Math.max(longest, count);
                }
                return longest;
            }
            """);

        Assert.InRange(longest, 30, 75);
    }

    private static async Task<(int ScrollWidth, int InnerWidth, string Widest)> MeasureAsync(IPage page)
    {
        var result = await page.EvaluateAsync<string[]>("""
            () => {
                // Name the outermost elements that reach past the window (not those inside a box that scrolls), so a failure says what to fix.
                const clips = el => { for (let a = el.parentElement; a; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
                const past = [...document.body.querySelectorAll('*')].filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !clips(el));
                const outermost = past.filter(el => !past.includes(el.parentElement)).slice(0, 3);
                const widest = outermost.map(el => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' ' + Math.round(el.getBoundingClientRect().right) + 'px').join(', ');
                return [String(document.documentElement.scrollWidth), String(window.innerWidth), widest];
            }
            """);
        return (int.Parse(result[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(result[1], System.Globalization.CultureInfo.InvariantCulture), result[2]);
    }
}
