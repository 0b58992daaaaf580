using NewsReader.Extraction;

namespace NewsReader.Tests.Extraction;

/// <summary>A saved page's pictures reach the body as Markdown images with their captions; icons and pixels do not.</summary>
public sealed class PageImagesTests
{
    private static readonly string Text = HtmlPages.Paragraph;

    [Fact]
    public void FigureWithCaptionAndCredit_IsOneImage_WhoseTitleIsTheCaption()
    {
        var article = HtmlPages.Parse("<title>Plan</title>", article: $"""
            <p>{Text}</p>
            <figure><img src="https://img.example/q.jpg" alt="Le “quai” d’Orsay — 码头" width="800" height="533">
            <figcaption>Le quai, mardi. <span class="credit">Photo : Zoë Müller/AFP</span></figcaption></figure>
            <p>{Text} Again.</p>
            """);

        Assert.Contains("![Le “quai” d’Orsay — 码头](https://img.example/q.jpg#800x533 \"Le quai, mardi. Photo : Zoë Müller/AFP\")", article.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal([Text, Text + " Again."], article.Body); // the plain text stays the article's words
        Assert.Empty(article.Images); // a web address is not a file beside the page
    }

    [Fact]
    public void Gallery_KeepsEveryPictureOnce_WithTheCaptionAfterTheLast()
    {
        var article = HtmlPages.Parse("<title>Plan</title>", article: $"""
            <p>{Text}</p>
            <figure class="gallery"><img src="a_files/1.jpg" alt="Один"><img class="lazy" data-src="a_files/2.jpg" alt="Два">
            <noscript><img src="a_files/2.jpg" alt="Два"></noscript><figcaption>Две фотографии порта.</figcaption></figure>
            <p>{Text} Again.</p>
            """);

        Assert.Contains("![Один](a_files/1.jpg)\n\n![Два](a_files/2.jpg \"Две фотографии порта.\")", article.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void LazyPicture_UsesItsRealAddress_AndSitePathsGoAbsolute()
    {
        var article = HtmlPages.Parse("<title>Plan</title><link rel=\"canonical\" href=\"https://news.example/a/plan\">", article: $"""
            <p>{Text}</p>
            <p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/media/2025/plan.webp" alt="plan"></p>
            <picture><source srcset="/x.avif"><img srcset="https://cdn.example/p-640.jpg 640w, https://cdn.example/p-1280.jpg 1280w" alt="p"></picture>
            <p>{Text} Again.</p>
            """);

        Assert.Contains("![plan](https://news.example/media/2025/plan.webp)", article.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("![p](https://cdn.example/p-640.jpg)", article.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public void IconsPixelsAndPicturesInsideALine_AreNotArticlePictures()
    {
        var article = HtmlPages.Parse("<title>Plan</title>", article: $"""
            <p>{Text} <img src="https://img.example/smile.png" alt="🙂"> and on.</p>
            <p><img src="https://track.example/p.gif" width="1" height="1" alt=""></p>
            <div class="share"><img class="icon-twitter" src="https://img.example/tw.png" alt="Share"></div>
            <p><img src="javascript:alert(1)" alt="x"></p>
            <p>{Text} Again.</p>
            """);

        Assert.DoesNotContain("![", article.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains(article.Body, b => b.Contains("and on.", StringComparison.Ordinal));
    }

    [Fact]
    public void RelativeImages_AreListed_ResolvedAgainstThePageFolder()
    {
        var page = Path.Combine(Path.GetTempPath(), "saved", "Page.html");

        var found = ImageReferences.Find("![a](Page_files/a%20b.png#40x30 \"t\")\n\n![b](https://x.example/b.png) ![c](/c.png) ![d](../up.jpg) ![e](data:image/png;base64,AA)", page);

        Assert.Equal(
            [new ImageReference("Page_files/a%20b.png#40x30", Path.Combine(Path.GetTempPath(), "saved", "Page_files", "a b.png")), new ImageReference("../up.jpg", Path.Combine(Path.GetTempPath(), "up.jpg"))],
            found);
    }

    [Fact]
    public void Replace_ChangesOnlyTheImageAddresses_InlineAndInReferences()
    {
        const string Markdown = "Text with [a link](a.png) stays.\n\n![one](a.png \"Caption “quoted”\")\n\n![two][r]\n\n[r]: <b c.png>";

        var replaced = ImageReferences.Replace(Markdown, new Dictionary<string, string> { ["a.png"] = "/media/1.png#2x1", ["b c.png"] = "/media/2.jpg" });

        Assert.Equal("Text with [a link](a.png) stays.\n\n![one](/media/1.png#2x1 \"Caption “quoted”\")\n\n![two][r]\n\n[r]: /media/2.jpg", replaced);
    }
}
