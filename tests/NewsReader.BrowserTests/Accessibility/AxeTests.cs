using NewsReader.BrowserTests.Infrastructure;

namespace NewsReader.BrowserTests.Accessibility;

/// <summary>axe-core finds nothing wrong on any public page: light and dark colour schemes, desktop and phone width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserFixture fx)
{
    public static TheoryData<string, string> PagesAndViews()
    {
        var data = new TheoryData<string, string>();
        foreach (var (url, _) in PublicPages.All)
        {
            foreach (var view in Views.Keys)
            {
                data.Add(url, view);
            }
        }

        return data;
    }

    public static readonly IReadOnlyDictionary<string, Func<BrowserNewContextOptions>> Views = new Dictionary<string, Func<BrowserNewContextOptions>>
    {
        ["light"] = () => new() { ColorScheme = ColorScheme.Light },
        ["dark"] = () => new() { ColorScheme = ColorScheme.Dark },
        ["phone-dark"] = () => new() { ColorScheme = ColorScheme.Dark, ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true },
        ["phone-light"] = () => new() { ColorScheme = ColorScheme.Light, ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true },
    };

    [Theory]
    [MemberData(nameof(PagesAndViews))]
    public async Task Page_HasNoAxeViolations(string url, string view)
    {
        await using var context = await fx.NewContextAsync(Views[view]());
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        await AxeScan.AssertNoViolationsAsync(page, $"{url} ({view})");
    }
}
