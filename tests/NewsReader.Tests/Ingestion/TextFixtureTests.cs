using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsReader.Articles;
using NewsReader.Extraction.Text;

namespace NewsReader.Tests.Ingestion;

/// <summary>
/// Every scraped-text fixture in Fixtures/text is parsed and compared with its sibling <c>.expected.json</c>,
/// written by hand from what a reader sees in the file.
/// </summary>
public sealed class TextFixtureTests
{
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "text");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixtureFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Fixtures_AreManyAndEachHasAnExpectation()
    {
        var texts = Directory.GetFiles(FixtureFolder, "*.txt");

        Assert.True(texts.Length >= 24, $"only {texts.Length} fixtures");
        Assert.All(texts, t => Assert.True(File.Exists(ExpectationPath(t)), $"{Path.GetFileName(t)} has no expectation"));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_MatchesExpectedJson(string name)
    {
        var path = Path.Combine(FixtureFolder, name);
        var expected = JsonSerializer.Deserialize<Expectation>(File.ReadAllText(ExpectationPath(path)), Json)!;

        var article = new TextArticleParser().Parse(File.ReadAllBytes(path), path);

        Assert.Equal(expected.Title, article.Title);
        Assert.Equal(expected.Site, article.Site);
        Assert.Equal(expected.Authors, article.Authors);
        Assert.Equal(expected.Bureau, article.Bureau);
        Assert.Equal(expected.Published, article.Published);
        Assert.Equal(expected.Updated, article.Updated);
        Assert.Equal(expected.Paragraphs, article.Body.Count);
        Assert.Equal(expected.FirstParagraph, article.Body[0]);
        Assert.Equal(expected.Dropped, article.Dropped);
        Assert.Equal(expected.Warnings, article.Warnings);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_Fixture_BodyShowsNoDroppedLineAndRendersOneParagraphPerBlock(string name)
    {
        var path = Path.Combine(FixtureFolder, name);

        var article = new TextArticleParser().Parse(File.ReadAllBytes(path), path);

        Assert.DoesNotContain(article.Body, p => article.Dropped.Contains(p));
        Assert.DoesNotContain(article.Title, article.Body);
        var html = new HtmlParser().ParseDocument(BodyRenderer.ToHtml(article.BodyMarkdown));
        Assert.Equal(article.Body, html.Body!.Children.Select(p => p.TextContent));
        Assert.All(html.Body.Children, p => Assert.Equal("P", p.TagName));
    }

    private static string ExpectationPath(string textPath) => Path.ChangeExtension(textPath, ".expected.json");

    private sealed record Expectation(
        string Title, string? Site, string[] Authors, string? Bureau, string? Published, string? Updated,
        int Paragraphs, string FirstParagraph, string[] Dropped, string[] Warnings);
}
