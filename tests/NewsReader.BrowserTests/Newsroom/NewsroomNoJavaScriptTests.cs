using NewsReader.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Newsroom;

/// <summary>The newsroom pages are server-rendered forms: with JavaScript off they show their heading, navigation and forms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NewsroomNoJavaScriptTests(BrowserFixture fx)
{
    public static TheoryData<string, string> PagesAndUsers()
    {
        var data = new TheoryData<string, string>();
        foreach (var (url, user) in NewsroomPages.WithUser())
        {
            data.Add(url, user);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndUsers))]
    public async Task NewsroomPage_RendersHeadingAndNavigation_WithoutJavaScript(string url, string user)
    {
        await using var context = await SignIn.ContextAsync(fx, user, new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(url);

        Assert.Equal(200, response!.Status);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("main h1").First.InnerTextAsync()), "the page has a visible heading");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Newsroom" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WorksWithoutJavaScript()
    {
        await using var context = await fx.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await SignIn.AsAsync(page, NewsroomSetup.EditorName, fx.Newsroom.Password);

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Newsroom" })).ToContainTextAsync($"Signed in as {NewsroomSetup.EditorName}");
    }
}
