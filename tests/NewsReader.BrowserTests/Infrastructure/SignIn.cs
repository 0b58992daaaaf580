using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace NewsReader.BrowserTests.Infrastructure;

/// <summary>Signs in through the real login form, the way a person does.</summary>
public static class SignIn
{
    public static async Task AsAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/admin/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
    }

    /// <summary>A fresh context (with the given view settings) whose cookies belong to the user, signed in by the form.</summary>
    public static async Task<IBrowserContext> ContextAsync(BrowserFixture fx, string userName, BrowserNewContextOptions? options = null)
    {
        // Sign in with JavaScript on and the default view, then carry the session cookie into the context the test asked for.
        await using var signIn = await fx.NewContextAsync();
        await AsAsync(await signIn.NewPageAsync(), userName, fx.Newsroom.Password);
        options ??= new BrowserNewContextOptions();
        options.StorageState = await signIn.StorageStateAsync();
        return await fx.NewContextAsync(options);
    }
}
