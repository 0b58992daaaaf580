using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Accessibility;

/// <summary>axe-core finds nothing wrong on the newsroom pages, signed in, in every view the reading pages are checked in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NewsroomAxeTests(BrowserFixture fx)
{
    public static TheoryData<string, string, string> PagesUsersAndViews()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (url, user) in NewsroomPages.WithUser())
        {
            foreach (var view in AxeTests.Views.Keys)
            {
                data.Add(url, user, view);
            }
        }

        return data;
    }

    public static TheoryData<string> Views() => new(AxeTests.Views.Keys);

    [Theory]
    [MemberData(nameof(PagesUsersAndViews))]
    public async Task NewsroomPage_HasNoAxeViolations(string url, string user, string view)
    {
        await using var context = await SignIn.ContextAsync(fx, user, AxeTests.Views[view]());
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Newsroom" })).ToBeVisibleAsync();

        await AxeScan.AssertNoViolationsAsync(page, $"{url} as {user} ({view})");
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task CorrectionPreview_WithNoteAndDiff_HasNoAxeViolations(string view)
    {
        await using var context = await SignIn.ContextAsync(fx, NewsroomSetup.EditorName, AxeTests.Views[view]());
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/admin/articles/{SeedArticles.SeedSlug}/correct");
        await page.GetByLabel("Note").FillAsync("The mission is led by *Osamu Izawa*.");
        var body = page.GetByLabel("Article text");
        await body.FillAsync((await body.InputValueAsync()).Replace("formally launched", "officially opened", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        await Expect(page.Locator(".preview .diff ins").First).ToBeVisibleAsync();
        await AxeScan.AssertNoViolationsAsync(page, $"correction preview ({view})");
    }
}
