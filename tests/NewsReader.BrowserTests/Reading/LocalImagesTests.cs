using NewsReader.BrowserTests.Infrastructure;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.BrowserTests.Reading;

/// <summary>
/// In a real browser, under the app's Content-Security-Policy: the pictures of a saved complete page and of a Markdown
/// file with relative image paths load from the app (decoded, naturalWidth &gt; 0), keep their space, and fit a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LocalImagesTests(BrowserFixture fx) : IAsyncLifetime
{
    private readonly LiveApp _app = new();

    public async Task InitializeAsync()
    {
        Write("Ponte.html", """
            <!DOCTYPE html><html lang="pt"><head><meta charset="utf-8"><title>Ponte “Dom Luís” reabre após obras</title>
            <meta property="og:site_name" content="Gazeta do Porto"></head><body><main><article>
            <h1>Ponte “Dom Luís” reabre após obras</h1>
            <figure><img src="./Ponte_files/ponte.png" alt="A ponte “Dom Luís” ao amanhecer — 路易一世桥">
            <figcaption>O tabuleiro superior, visto da Ribeira. <span class="credit">Foto: João Araújo</span></figcaption></figure>
            <p>A ponte reabriu ao trânsito pedonal na sexta-feira, depois de dezoito meses de obras que custaram 4,2 milhões de euros, disse a câmara.</p>
            <p>Os elétricos voltam a circular no tabuleiro superior a partir de abril, segundo a empresa de transportes, que prevê mais passageiros.</p>
            </article></main><script src="./Ponte_files/app.js"></script></body></html>
            """u8.ToArray());
        Write("Ponte_files/ponte.png", TestImages.Png(1600, 900));
        Write("Ponte_files/app.js", "document.title = 'ran'"u8.ToArray());
        Write("cais.md", """
            ---
            title: Guindaste chega ao cais de Leixões
            site: Gazeta do Porto
            date: 2025-03-14
            ---

            ![O guindaste “Titã” a chegar](images/titã.jpg "Chegou de barcaça na terça-feira. Foto: Ana Ruiz")

            O guindaste chegou ao porto na terça-feira e começa a trabalhar em abril, segundo a administração portuária.
            """u8.ToArray());
        Write("images/titã.jpg", TestImages.Jpeg(480, 320));
        Write("remota.md", """
            ---
            title: Ferry novo faz a primeira travessia
            date: 2025-03-14
            ---

            ![O ferry “Douro” no rio](https://images.gazeta.example/ferry.png "O ferry, na quinta-feira. Foto: Rui Sá")

            O ferry novo fez a primeira travessia do rio com quarenta passageiros a bordo, disse a empresa de transportes.
            """u8.ToArray());
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/articles/ponte-dom-luis-reabre-apos-obras", 1600, 900)]
    [InlineData("/articles/guindaste-chega-ao-cais-de-leixoes", 480, 320)]
    public async Task LocalPicture_LoadsFromTheApp_UnderTheCsp_AndFitsAPhone(string url, int width, int height)
    {
        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = _app.BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(url);
        var image = page.Locator(".article-body figure img");
        await image.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.article-body figure img'); return i.complete && i.naturalWidth > 0; }");

        Assert.Equal(width, await image.EvaluateAsync<int>("i => i.naturalWidth"));
        Assert.StartsWith("/media/", await image.GetAttributeAsync("src"));
        Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), await image.GetAttributeAsync("width")); // space kept before it loads
        Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), await image.GetAttributeAsync("height"));
        Assert.True(await image.EvaluateAsync<bool>("i => i.getBoundingClientRect().width <= document.documentElement.clientWidth"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.NotEqual("ran", await page.TitleAsync()); // the page's own script, saved beside it, is never served
        Assert.Empty(refused);
        await AxeScan.AssertNoViolationsAsync(page, url + " with its picture");
    }

    [Fact]
    public async Task RemotePicture_KeepsItsAddress_AndLoadsUnderTheCsp_WithoutAReferrer()
    {
        await using var context = await fx.Browser.NewContextAsync(new() { BaseURL = _app.BaseAddress.ToString() });
        string? referer = "not asked";
        // The image host, played by the browser's network layer: the CSP is checked before the request reaches it.
        await context.RouteAsync("https://images.gazeta.example/**", async route =>
        {
            referer = route.Request.Headers.GetValueOrDefault("referer");
            await route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = TestImages.Png(300, 200) });
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/articles/ferry-novo-faz-a-primeira-travessia");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('.article-body figure img'); return i.complete && i.naturalWidth > 0; }");

        Assert.Equal("https://images.gazeta.example/ferry.png", await page.Locator(".article-body figure img").GetAttributeAsync("src"));
        Assert.Null(referer);
    }

    private void Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_app.SeedsPath, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
