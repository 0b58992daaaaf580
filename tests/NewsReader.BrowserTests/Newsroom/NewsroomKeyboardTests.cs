using NewsReader.BrowserTests.Infrastructure;

namespace NewsReader.BrowserTests.Newsroom;

/// <summary>The login form and the correction form can be used with the keyboard alone: Tab reaches every control, with a visible ring.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NewsroomKeyboardTests(BrowserFixture fx)
{
    // Numbers the controls the test expects to reach, so each Tab stop can be matched to one of them.
    private const string MarkControls = """
        selector => {
            const controls = [...document.querySelectorAll(selector)];
            controls.forEach((c, i) => c.dataset.keyboardTarget = String(i));
            return controls.length;
        }
        """;

    private const string FocusedTarget = "() => document.activeElement?.dataset?.keyboardTarget ?? null";

    [Fact]
    public async Task LoginForm_EveryControlReachableByTab_WithVisibleFocus()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/login");

        await AssertTabReachesAllAsync(page, "#user-name, #password, main form[action='/admin/sign-in'] button");
    }

    [Fact]
    public async Task CorrectionForm_EveryControlReachableByTab_WithVisibleFocus()
    {
        await using var context = await SignIn.ContextAsync(fx, NewsroomSetup.EditorName);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/admin/articles/{SeedArticles.SeedSlug}/correct");

        await AssertTabReachesAllAsync(page, "#correction-kind, #correction-note, #correction-body, main button[name='Action']");
    }

    private static async Task AssertTabReachesAllAsync(IPage page, string controls)
    {
        var expected = await page.EvaluateAsync<int>(MarkControls, controls);
        Assert.True(expected >= 3, $"the form has its controls ({controls}): found {expected}");

        var reached = new HashSet<string>();
        // The page may autofocus its first field; that counts as reached, like every later Tab stop.
        for (var i = 0; i < 60 && reached.Count < expected; i++)
        {
            if (await page.EvaluateAsync<string?>(FocusedTarget) is { } target)
            {
                var stop = await Focus.CurrentAsync(page);
                Assert.NotNull(stop);
                Focus.AssertVisible(stop, $"Tab stop {i}");
                reached.Add(target);
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal(expected, reached.Count);
    }
}
