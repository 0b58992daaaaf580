using System.Text;
using System.Text.Json;
using NewsReader.Articles;
using NewsReader.Extraction;
using NewsReader.Ingestion;
using NewsReader.Extraction.Markdown;

namespace NewsReader.Tests.Extraction;

public sealed class MarkdownParserTests
{
    private static readonly MarkdownArticleParser Parser = new();

    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "markdown"), "*.md").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal)];

    private static ParsedArticle ParseFixture(string name) =>
        Parser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "markdown", name + ".md")), name + ".md");

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gives_its_expected_metadata_and_body(string name)
    {
        var expected = JsonSerializer.Deserialize<ExpectedArticle>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "markdown", name + ".expected.json")), ExtractionScorer.Json)!;

        var article = ParseFixture(name);

        Assert.Equal("markdown", article.Format);
        Assert.Equal(expected.Title, article.Title);
        Assert.Equal(expected.Site, article.Site);
        Assert.Equal(expected.Authors, article.Authors);
        Assert.Equal(expected.Published, article.Published);
        Assert.Equal(expected.Body, article.Body);
    }

    [Fact]
    public void Front_matter_url_and_language_are_kept_and_the_body_stays_markdown()
    {
        var article = ParseFixture("full-front-matter");

        Assert.Equal(("https://lakesideherald.example/city/tram-university", "en"), (article.CanonicalUrl, article.Language));
        Assert.Contains("## A faster trip to campus", article.BodyMarkdown, StringComparison.Ordinal);
        var html = BodyRenderer.ToHtml(article.BodyMarkdown);
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<li>Nine stops, all step-free</li>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Hedda Lunde</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_heading_that_became_the_title_is_not_repeated_in_the_body()
    {
        foreach (var name in new[] { "no-front-matter", "hugo-style-date", "not-yaml-front-matter" })
        {
            var article = ParseFixture(name);

            Assert.DoesNotContain(article.Title, article.Body);
            Assert.DoesNotContain("# " + article.Title, article.BodyMarkdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Front_matter_that_is_not_yaml_gives_a_warning_not_a_failure()
    {
        var article = ParseFixture("not-yaml-front-matter");

        Assert.Contains(article.Warnings, w => w.StartsWith("The front matter is not", StringComparison.Ordinal) && w.EndsWith("it was ignored.", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Body, b => b.Contains("title =", StringComparison.Ordinal));
    }

    [Fact]
    public void A_front_matter_that_is_a_list_is_ignored_with_a_warning()
    {
        var article = Parser.Parse(Encoding.UTF8.GetBytes("---\n- just\n- a list\n---\n# Title here\n\nBody text of the short article.\n"), "list.md");

        Assert.Equal("Title here", article.Title);
        Assert.Contains("The front matter is not a YAML mapping of fields; it was ignored.", article.Warnings);
    }

    [Fact]
    public void Markdown_with_no_text_is_refused()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => Parser.Parse(Encoding.UTF8.GetBytes("---\ntitle: Only a title\n---\n\n"), "empty.md"));

        Assert.Equal("No article text after the front matter and title.", e.Message);
    }
}
