using System.Text.Json;

namespace NewsReader.BrowserTests.Infrastructure;

/// <summary>What has keyboard focus and whether its focus ring shows, read from the browser itself.</summary>
public static class Focus
{
    private const string DescribeFocus = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id || '',
                text: (el.innerText || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '').trim(),
                href: el.getAttribute('href') || '',
                focusVisible: el.matches(':focus-visible'),
                outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth) || 0,
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
            };
        }
        """;

    public static async Task<FocusStop?> CurrentAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement?>(DescribeFocus);
        return json is not { ValueKind: JsonValueKind.Object } e
            ? null
            : new FocusStop(
                e.GetProperty("tag").GetString()!, e.GetProperty("id").GetString()!, e.GetProperty("text").GetString()!,
                e.GetProperty("href").GetString()!, e.GetProperty("focusVisible").GetBoolean(), e.GetProperty("outlineStyle").GetString()!,
                e.GetProperty("outlineWidth").GetDouble(), e.GetProperty("onScreen").GetBoolean());
    }

    /// <summary>Fails unless the stop shows a ring a sighted keyboard user can see.</summary>
    public static void AssertVisible(FocusStop stop, string where)
    {
        Assert.True(stop.FocusVisible, $"{where} ({stop.Tag} '{stop.Text}') matches :focus-visible");
        Assert.True(stop.OutlineStyle != "none" && stop.OutlineWidth >= 2, $"{where} ({stop.Tag} '{stop.Text}') has a focus ring: outline {stop.OutlineStyle} {stop.OutlineWidth}px");
        Assert.True(stop.OnScreen, $"{where} ({stop.Tag} '{stop.Text}') is visible on screen when focused");
    }
}

public sealed record FocusStop(string Tag, string Id, string Text, string Href, bool FocusVisible, string OutlineStyle, double OutlineWidth, bool OnScreen);
