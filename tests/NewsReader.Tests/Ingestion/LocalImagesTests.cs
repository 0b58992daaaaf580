using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using NewsReader.Ingestion;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Ingestion;

/// <summary>
/// Pictures saved beside an article (a browser's "save complete page" folder, a Markdown file's relative paths) are
/// stored by the hash of their bytes and served by the app; what cannot be stored is a warning, never a lost article.
/// </summary>
public sealed class LocalImagesTests : IDisposable
{
    // As a browser saves it: the pictures in "<name>_files/", with styles, scripts and an advert frame beside them.
    private const string SavedPage = """
        <!DOCTYPE html>
        <html lang="pt"><head><meta charset="utf-8">
        <title>Ponte “Dom Luís” reabre após obras — Gazeta do Porto</title>
        <link rel="stylesheet" href="./Ponte_files/site.css">
        <meta property="og:site_name" content="Gazeta do Porto">
        <meta property="article:published_time" content="2025-03-14T07:30:00+00:00">
        </head><body>
        <header><nav><a href="/">Início</a> <a href="/cidade">Cidade</a></nav></header>
        <main><article>
        <h1>Ponte “Dom Luís” reabre após obras</h1>
        <figure class="lead"><img src="./Ponte_files/ponte.png" alt="A ponte “Dom Luís” ao amanhecer — 路易一世桥">
        <figcaption>O tabuleiro superior, visto da Ribeira. <span class="credit">Foto: João Araújo</span></figcaption></figure>
        <p>A ponte reabriu ao trânsito pedonal na sexta-feira, depois de dezoito meses de obras que custaram 4,2 milhões de euros, disse a câmara.</p>
        <p><img src="Ponte_files/obra.jpg" width="320" height="200" alt="Operários no tabuleiro"></p>
        <p>Os elétricos voltam a circular no tabuleiro superior a partir de abril, segundo a empresa de transportes, que prevê mais passageiros no verão.</p>
        <p><img src="Ponte_files/falta.png" alt="Mapa das obras"> </p>
        <p>Os comerciantes da Ribeira dizem que o movimento caiu 30% durante as obras e esperam recuperar agora as vendas perdidas.</p>
        </article></main>
        <script src="./Ponte_files/app.js"></script>
        </body></html>
        """;

    private const string AdvertFrame = "<html><body><p>Compre já! Oferta por tempo limitado, só hoje, para todos os leitores do jornal.</p></body></html>";

    private readonly NewsReaderApp _app = new(settings: new Dictionary<string, string?> { ["NewsReader:MaxImageBytes"] = "100000" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SavedCompletePage_ShowsItsPicturesFromTheApp_WithCaptionCreditAndSize()
    {
        var png = TestImages.Png(64, 40);
        Write("Ponte.html", SavedPage);
        Write("Ponte_files/ponte.png", png);
        Write("Ponte_files/obra.jpg", TestImages.Jpeg(32, 20));
        Write("Ponte_files/site.css", "body { color: red }");
        Write("Ponte_files/app.js", "console.log(1)");
        Write("Ponte_files/frame.html", AdvertFrame);

        var summary = await _app.IngestAsync();

        Assert.Equal(1, summary.Count(IngestionResult.Ingested)); // the styles, script and advert frame are not articles
        Assert.Equal(0, summary.Count(IngestionResult.Failed));
        var (_, page) = await _app.GetPageAsync("/articles/ponte-dom-luis-reabre-apos-obras");
        var lead = page.QuerySelector(".article-body figure img")!;
        Assert.Equal($"/media/{Sha(png)}.png", lead.GetAttribute("src"));
        Assert.Equal(("64", "40"), (lead.GetAttribute("width"), lead.GetAttribute("height"))); // from the stored image's header
        Assert.Equal("A ponte “Dom Luís” ao amanhecer — 路易一世桥", lead.GetAttribute("alt"));
        Assert.Equal("O tabuleiro superior, visto da Ribeira. Foto: João Araújo", page.QuerySelector(".article-body figcaption")!.TextContent);
        var second = page.QuerySelectorAll(".article-body img")[1];
        Assert.Matches("^/media/[0-9a-f]{64}\\.jpg$", second.GetAttribute("src"));
        Assert.Equal(("320", "200"), (second.GetAttribute("width"), second.GetAttribute("height"))); // the page's own attributes win
        Assert.Equal("http://localhost/media/" + Sha(png) + ".png", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Contains("Mapa das obras", page.QuerySelector(".article-body")!.TextContent); // the missing one says what it showed
        Assert.Equal(2, page.QuerySelectorAll(".article-body img").Length);
        Assert.DoesNotContain("O tabuleiro superior", page.QuerySelector(".article-body")!.QuerySelectorAll("p").Select(p => p.TextContent).FirstOrDefault() ?? "");

        var (_, source) = await _app.GetPageAsync("/articles/ponte-dom-luis-reabre-apos-obras/source");
        Assert.Contains(source.QuerySelectorAll("li"), li => li.TextContent.Contains("Ponte_files/falta.png", StringComparison.Ordinal) && li.TextContent.Contains("no such file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoredImage_IsServedAsTheImageItIs_WithNosniffAndLongCaching()
    {
        var png = await SeedSavedPageAsync(TestImages.Png(8, 8));
        var client = _app.CreateClient();

        var response = await client.GetAsync($"/media/{Sha(png)}.png");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        Assert.True(response.Headers.CacheControl!.MaxAge >= TimeSpan.FromDays(365));
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/media/{Sha(png)}.png");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(System.Net.HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/media/{Sha(png)}.gif")).StatusCode); // not what it is
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/media/{new string('0', 64)}.png")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/media/..%2Fnewsreader.db")).StatusCode);
    }

    [Fact]
    public async Task FullTextFeed_GivesStoredPicturesTheirWholeAddress()
    {
        var png = await SeedSavedPageAsync(TestImages.Png(8, 8));

        var feed = await _app.CreateClient().GetStringAsync("/feed");

        Assert.Contains($"src=\"http://localhost/media/{Sha(png)}.png\"", System.Net.WebUtility.HtmlDecode(feed), StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"/media/", System.Net.WebUtility.HtmlDecode(feed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkdownRelativeImages_AreStored_InlineAndByReference_AndShownAsFigures()
    {
        var jpeg = TestImages.Jpeg(48, 32);
        var png = TestImages.Png(30, 20);
        Write("notas/cais.md", """
            ---
            title: Guindaste chega ao cais de Leixões
            site: Gazeta do Porto
            date: 2025-03-14
            ---

            ![O guindaste “Titã” a chegar](images/titan%20crane.jpg "Chegou de barcaça na terça-feira. Foto: Ana Ruiz")

            O guindaste chegou ao porto na terça-feira e começa a trabalhar em abril, segundo a administração portuária.

            ![Планировка причала][plano]

            [plano]: ./plano.png
            """);
        Write("notas/images/titan crane.jpg", jpeg);
        Write("notas/plano.png", png);

        var summary = await _app.IngestAsync();

        Assert.Equal(1, summary.Count(IngestionResult.Ingested)); // the pictures themselves are not articles, nor failures
        Assert.Equal(0, summary.Count(IngestionResult.Failed));
        var (_, page) = await _app.GetPageAsync("/articles/guindaste-chega-ao-cais-de-leixoes");
        var images = page.QuerySelectorAll(".article-body img");
        Assert.Equal([$"/media/{Sha(jpeg)}.jpg", $"/media/{Sha(png)}.png"], images.Select(i => i.GetAttribute("src")));
        Assert.Equal(("48", "32"), (images[0].GetAttribute("width"), images[0].GetAttribute("height")));
        Assert.Equal("Планировка причала", images[1].GetAttribute("alt"));
        Assert.Equal("Chegou de barcaça na terça-feira. Foto: Ana Ruiz", page.QuerySelector(".article-body figcaption")!.TextContent);
    }

    [Fact]
    public async Task ImagesThatCannotBeStored_AreWarnings_AndTheArticleIsStillIngested()
    {
        var outside = Path.Combine(_app.Root, "secret.png");
        File.WriteAllBytes(outside, TestImages.Png(4, 4));
        File.CreateSymbolicLink(Path.Combine(_app.SeedsPath, "link.png"), outside);
        Write("big.png", TestImages.Png(400, 400, 1, 2, 3).Concat(new byte[120_000]).ToArray()); // over the 100,000-byte test limit
        Write("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"9\" height=\"9\"/></svg>");
        Write("fake.png", "<html><script>alert(1)</script></html>");
        Write("aviso.md", """
            ---
            title: Aviso de obras na marginal
            date: 2025-03-14
            ---

            ![fora](../secret.png) ![ligação](link.png) ![grande](big.png) ![desenho](drawing.svg) ![falso](fake.png)

            A marginal fecha ao trânsito durante três semanas a partir de segunda-feira, informou a câmara municipal.
            """);

        var summary = await _app.IngestAsync();

        Assert.Equal(1, summary.Count(IngestionResult.Ingested));
        var (_, page) = await _app.GetPageAsync("/articles/aviso-de-obras-na-marginal");
        Assert.Empty(page.QuerySelectorAll(".article-body img"));
        Assert.Contains("fora ligação grande desenho falso", page.QuerySelector(".article-body")!.TextContent);
        var (_, source) = await _app.GetPageAsync("/articles/aviso-de-obras-na-marginal/source");
        var warnings = source.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains(warnings, w => w.Contains("../secret.png", StringComparison.Ordinal) && w.Contains("outside the seeds folder", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("link.png", StringComparison.Ordinal) && w.Contains("symbolic link", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("big.png", StringComparison.Ordinal) && w.Contains("100,000-byte limit", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("drawing.svg", StringComparison.Ordinal) && w.Contains("SVG", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("fake.png", StringComparison.Ordinal) && w.Contains("not a PNG", StringComparison.Ordinal));
        Assert.Equal(0, await MediaRowsAsync());
    }

    [Fact]
    public async Task PageSavedWithoutItsPictures_ShowsThemFromItsSite()
    {
        Write("sem-fotos.html", SavedPage.Replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"><link rel=\"canonical\" href=\"https://gazeta.example/cidade/ponte-reabre\">", StringComparison.Ordinal));

        await _app.IngestAsync();

        var (_, page) = await _app.GetPageAsync("/articles/ponte-dom-luis-reabre-apos-obras");
        var images = page.QuerySelectorAll(".article-body img");
        Assert.Equal(
            ["https://gazeta.example/cidade/Ponte_files/ponte.png", "https://gazeta.example/cidade/Ponte_files/obra.jpg", "https://gazeta.example/cidade/Ponte_files/falta.png"],
            images.Select(i => i.GetAttribute("src")));
        Assert.Equal("320", images[1].GetAttribute("width")); // the page's size hint still holds
        var (_, source) = await _app.GetPageAsync("/articles/ponte-dom-luis-reabre-apos-obras/source");
        Assert.Contains(source.QuerySelectorAll("li"), li => li.TextContent.Contains("shown from the page's site instead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReIngestingAndSharingAPicture_StoresItOnce()
    {
        var png = TestImages.Png(16, 16);
        Write("Ponte.html", SavedPage);
        Write("Ponte_files/ponte.png", png);
        Write("outra.md", "---\ntitle: Outra vista da ponte\n---\n\n![A mesma ponte](Ponte_files/ponte.png)\n\nA mesma fotografia ilustra esta nota curta sobre a ponte reaberta ao público.\n");
        await _app.IngestAsync();

        Write("Ponte.html", SavedPage.Replace("dezoito meses", "dezanove meses", StringComparison.Ordinal)); // a new revision
        var summary = await _app.IngestAsync();

        Assert.Equal(1, summary.Count(IngestionResult.Revised));
        Assert.Equal(1, await MediaRowsAsync());
    }

    /// <summary>The saved page with its lead picture only, ingested; returns the picture's bytes.</summary>
    private async Task<byte[]> SeedSavedPageAsync(byte[] png)
    {
        Write("Ponte.html", SavedPage);
        Write("Ponte_files/ponte.png", png);
        await _app.IngestAsync();
        return png;
    }

    private void Write(string name, string text) => Write(name, System.Text.Encoding.UTF8.GetBytes(text));

    private void Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_app.SeedsPath, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<long> MediaRowsAsync()
    {
        await using var c = await _app.OpenDatabaseAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM media";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
