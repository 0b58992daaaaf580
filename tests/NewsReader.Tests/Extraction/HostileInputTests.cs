using System.Text;
using NewsReader.Articles;
using NewsReader.Extraction;
using NewsReader.Ingestion;
using NewsReader.Extraction.Html;
using NewsReader.Extraction.Markdown;
using NewsReader.Extraction.Text;

namespace NewsReader.Tests.Extraction;

/// <summary>Pages and files built to break a parser: each gives an article or a clear reason, never a crash.</summary>
public sealed class HostileInputTests
{
    private static readonly ParserRegistry Registry = new([new TextArticleParser(), new HtmlArticleParser(), new MarkdownArticleParser()]);

    private static string Paragraphs(int count) => string.Concat(Enumerable.Range(0, count).Select(i =>
        $"<p>Paragraph {i} of the council report says the ferry terminal needs new boarding bridges, a covered hall and a bus link before next winter.</p>\n"));

    [Fact]
    public void Truncated_page_still_gives_the_text_before_the_cut()
    {
        var page = File.ReadAllText(Path.Combine(ExtractionScoreTests.FixtureFolder, "wordpress-yoast-graph.html"));
        var cut = page[..(page.IndexOf("Board member Lucia Ferraz", StringComparison.Ordinal) + 40)];

        var result = Registry.Parse("cut.html", Encoding.UTF8.GetBytes(cut));

        Assert.Null(result.Error);
        Assert.Equal("Harbour authority approves $40 million ferry terminal upgrade", result.Article!.Title);
        Assert.Contains(result.Article.Body, p => p.StartsWith("The Port Meridian harbour authority voted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<div>", 10_000)]
    [InlineData("<section><span>", 5_000)]
    [InlineData("<blockquote><ul><li><b><i>", 2_000)]
    public void Ten_thousand_deep_nesting_is_walked_without_overflow(string open, int repeat)
    {
        var html = "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat(open, repeat)) + Paragraphs(3) + "</body></html>";

        var result = Registry.Parse("deep.html", Encoding.UTF8.GetBytes(html));

        Assert.Null(result.Error);
        Assert.Contains(result.Article!.Body, p => p.StartsWith("Paragraph 0 of the council report", StringComparison.Ordinal));
        var rendered = BodyRenderer.ToHtml(result.Article.BodyMarkdown);
        Assert.Contains("Paragraph 2 of the council report", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_far_past_any_real_page_is_refused_with_a_reason()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "text</body></html>";

        var result = Registry.Parse("abyss.html", Encoding.UTF8.GetBytes(html));

        Assert.Null(result.Article);
        Assert.Matches("^The page nests elements about 100,0[0-9]{2} deep, over the 12,000 limit", result.Error);
    }

    [Fact]
    public void Twenty_megabyte_page_is_parsed()
    {
        var sb = new StringBuilder("<html><head><title>Huge report | Gazette</title></head><body><article>");
        var paragraphs = Paragraphs(200);
        while (sb.Length < 20 * 1024 * 1024)
        {
            sb.Append(paragraphs);
        }

        sb.Append("</article></body></html>");

        var result = Registry.Parse("huge.html", Encoding.UTF8.GetBytes(sb.ToString()));

        Assert.Null(result.Error);
        Assert.Equal("Huge report", result.Article!.Title);
        Assert.True(result.Article.Body.Count > 10_000);
    }

    [Fact]
    public void Binary_data_named_html_is_refused_with_a_reason()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var result = Registry.Parse("photo.html", bytes);

        Assert.Null(result.Article);
        Assert.Equal("File looks binary, not an HTML page.", result.Error);
    }

    [Fact]
    public void Empty_and_text_free_pages_are_refused_with_reasons()
    {
        Assert.Equal("File is empty.", Registry.Parse("empty.html", []).Error);
        Assert.Equal("No article text found in the page.", Registry.Parse("shell.html", Encoding.UTF8.GetBytes("<html><body><nav><a href='/'>Home</a></nav><script>app()</script></body></html>")).Error);
    }

    [Fact]
    public async Task Files_over_the_size_limit_are_refused_before_parsing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(path, "<html><body>" + Paragraphs(50) + "</body></html>");
        try
        {
            var result = await Registry.ParseFileAsync(path, 1024, CancellationToken.None);

            Assert.Null(result.Article);
            Assert.Contains("over the 1,024-byte limit", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Markdown_with_front_matter_that_is_not_yaml_is_read_with_a_warning()
    {
        var md = "---\ntitle: [unclosed\n  : : {\n---\n# Storm closes coastal road\n\nThe coastal road at Carrick Point closed on Monday after waves threw rocks onto the carriageway.\n";

        var result = Registry.Parse("bad-front.md", Encoding.UTF8.GetBytes(md));

        Assert.Null(result.Error);
        Assert.Equal("Storm closes coastal road", result.Article!.Title);
        Assert.Contains(result.Article.Warnings, w => w.StartsWith("The front matter is not valid YAML", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[", 20_000)]
    [InlineData("- ", 2_000)]
    public void Front_matter_nested_thousands_deep_is_ignored_with_a_warning(string level, int repeat)
    {
        var nested = level == "[" ? "tags: " + new string('[', repeat) : string.Concat(Enumerable.Range(0, repeat).Select(i => new string(' ', i) + "- \n"));
        var md = "---\n" + nested + "\n---\n# Harbour reopens\n\nThe harbour reopened on Monday after a week of storm repairs to the outer wall.\n";

        var result = Registry.Parse("deep-front.md", Encoding.UTF8.GetBytes(md));

        Assert.Null(result.Error);
        Assert.Equal("Harbour reopens", result.Article!.Title);
        Assert.Contains("The front matter nests deeper than 64 levels; it was ignored.", result.Article.Warnings);
    }

    [Fact]
    public void Deeply_nested_markdown_quotes_do_not_crash_parsing_or_rendering()
    {
        var md = "# Deep\n\n" + new string('>', 10_000) + " bottom\n\nA plain paragraph after the quotes says the meeting ended at nine.\n";

        var result = Registry.Parse("deep.md", Encoding.UTF8.GetBytes(md));

        if (result.Article is { } article)
        {
            Assert.Contains("the meeting ended at nine", BodyRenderer.ToHtml(article.BodyMarkdown), StringComparison.Ordinal);
        }
        else
        {
            Assert.StartsWith("Markdown is nested too deeply", result.Error, StringComparison.Ordinal);
        }
    }
}
