using System.Text;
using NewsReader.Articles;
using NewsReader.Extraction;
using NewsReader.Ingestion;
using NewsReader.Extraction.Text;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Ingestion;

/// <summary>
/// Text articles are plain paragraphs, so their HTML is made directly instead of through Markdig and the sanitiser.
/// It must be the very HTML the full pipeline gives, and as safe.
/// </summary>
public sealed class PlainParagraphHtmlTests
{
    // Everything Markdown or HTML could read as syntax, characters the serialiser encodes, whitespace and control characters
    // the shortcut leaves to the full pipeline, and text outside the BMP.
    private const string Alphabet = "ab cd EF 09 \\`*_{}[]()<>#+-.!|~^=&;:'\"/?@$%,\u00A0\u00E9\u2028\u200B\t\r\n\u0001\u007F\uFFFD";

    private static readonly string[] Hostile =
    [
        "<script>alert('x')</script> and <img src=x onerror=alert(1)>",
        "[click me](javascript:alert(1)) <javascript:alert(1)> ![img](x.png)",
        "1. not a list", "- not a list", "# not a heading", "> not a quote", "---", "=====", "| a | b |", "^^^ caption",
        "    four spaces", "&amp; &lt;b&gt; &#x3C;", "a\u00A0b", "end with a backslash \\", "**bold** _em_ ~~del~~ ==mark== ++ins++ ^sup^",
        "Emoji \U0001F600 and a lone \uD83D surrogate", "tab\tinside", " leading and trailing ",
    ];

    [Fact]
    public void HostileParagraphs_GiveTheSameHtmlAsTheFullPipeline()
    {
        Assert.Equal(FullPipeline(Hostile), BodyRenderer.ToHtml(MarkdownText.FromParagraphs(Hostile), Hostile));
        foreach (var paragraph in Hostile)
        {
            Assert.Equal(FullPipeline([paragraph]), BodyRenderer.ToHtml(MarkdownText.FromParagraphs([paragraph]), [paragraph]));
        }
    }

    [Fact]
    public void RandomParagraphs_GiveTheSameHtmlAsTheFullPipeline()
    {
        var random = new Random(20261128);
        for (var round = 0; round < 500; round++)
        {
            var paragraphs = Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomText(random)).ToArray();

            Assert.Equal(FullPipeline(paragraphs), BodyRenderer.ToHtml(MarkdownText.FromParagraphs(paragraphs), paragraphs));
        }
    }

    [Fact]
    public void EveryTextFixture_GetsTheSameHtmlAsTheFullPipeline()
    {
        var parser = new TextArticleParser();
        var fixtures = Directory.GetFiles(Path.Combine(Seeds.RepoRoot, "tests", "NewsReader.Tests", "Fixtures", "text"), "*.txt").Append(Seeds.SeedFile).ToList();
        Assert.NotEmpty(fixtures);
        foreach (var path in fixtures)
        {
            ParsedArticle article;
            try
            {
                article = parser.Parse(File.ReadAllBytes(path), path);
            }
            catch (ArticleRejectedException)
            {
                continue; // fixtures of files that are not articles
            }

            Assert.Equal(BodyRenderer.ToHtml(article.BodyMarkdown), new ArticleToStore(article).BodyHtml);
        }
    }

    [Fact]
    public void MarkdownThatIsNotThoseParagraphs_TakesTheFullPipeline()
    {
        string[] paragraphs = ["A plain paragraph."];
        const string markdown = "A [link](javascript:alert(1)) and <b>raw</b> HTML.";

        var html = BodyRenderer.ToHtml(markdown, paragraphs);

        Assert.Equal(BodyRenderer.ToHtml(markdown), html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public async Task TextArticleWithMarkupInIt_ShowsTheMarkupAsText()
    {
        using var app = new NewsReaderApp();
        await app.SeedAsync(("markup.txt", Seeds.TextArticle("Council debates website security", "Harbour Gazette", "By Ana Ruiz", "March 3, 2024",
            "A resident typed <script>alert('x')</script> into the council's form to show the flaw.",
            "Another pasted [a link](javascript:alert(1)) & <img src=x onerror=alert(1)> in the comments.")));

        var (_, page) = await app.GetPageAsync("/articles/council-debates-website-security");

        var body = page.QuerySelector(".article-body")!;
        Assert.Empty(body.QuerySelectorAll("script, img, a"));
        Assert.Contains("<script>alert('x')</script>", body.TextContent);
        Assert.Contains("[a link](javascript:alert(1)) & <img src=x onerror=alert(1)>", body.TextContent);
    }

    private static string FullPipeline(IReadOnlyList<string> paragraphs) => BodyRenderer.ToHtml(MarkdownText.FromParagraphs(paragraphs));

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 40);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(20) == 0 ? "\U0001F600" : Alphabet[random.Next(Alphabet.Length)].ToString());
        }

        return text.ToString();
    }
}
