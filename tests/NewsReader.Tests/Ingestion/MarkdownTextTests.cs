using AngleSharp.Html.Parser;
using NewsReader.Articles;
using NewsReader.Extraction;
using NewsReader.Ingestion;

namespace NewsReader.Tests.Ingestion;

public sealed class MarkdownTextTests
{
    public static TheoryData<string> TrickyText() =>
    [
        "Plain text with nothing special.",
        "A *not emphasised* word and __not strong__ either.",
        "# not a heading",
        "1. e4 was her first move.",
        "2024) was a year.",
        "- not a bullet",
        "-",
        "---",
        "+ not a bullet",
        "= not a heading underline",
        "> not a quote",
        "<script>alert('x')</script>",
        "<b>bold?</b> & &amp; &copy;",
        "[a link](javascript:alert(1))",
        "![an image](http://example.invalid/x.png)",
        "a back\\slash and `code`",
        "| a | table |",
        "~~not struck~~ and H~2~O and x^2^ and ++not inserted++ and ==not marked==",
        "Chess club's #1 player, aged 11, beats county champion",
        "https://example.invalid/path_with_underscores",
    ];

    [Theory]
    [MemberData(nameof(TrickyText))]
    public void Escape_Text_RoundTripsThroughPlainText(string text) =>
        Assert.Equal(text, BodyRenderer.ToPlainText(MarkdownText.Escape(text)));

    [Theory]
    [MemberData(nameof(TrickyText))]
    public void Escape_Text_RendersAsOneParagraphOfTheSameTextAndNoMarkup(string text)
    {
        var html = new HtmlParser().ParseDocument(BodyRenderer.ToHtml(MarkdownText.Escape(text)));

        var paragraph = Assert.Single(html.Body!.Children);
        Assert.Equal("P", paragraph.TagName);
        Assert.Equal(text, paragraph.TextContent);
        Assert.Empty(paragraph.Children);
    }

    [Fact]
    public void Escape_LineStartsInsideABlock_CannotBecomeListOrHeading()
    {
        var html = new HtmlParser().ParseDocument(BodyRenderer.ToHtml(MarkdownText.Escape("First line\n- second line\n===\n3. third")));

        Assert.Equal(["P"], html.Body!.Children.Select(c => c.TagName));
        Assert.Empty(html.Body.Children[0].QuerySelectorAll("ul, ol, h1, h2, hr"));
    }

    [Fact]
    public void FromParagraphs_SeveralParagraphs_RendersEachAsAParagraph()
    {
        string[] paragraphs = ["1. First.", "# Second", "Third & last."];

        var html = new HtmlParser().ParseDocument(BodyRenderer.ToHtml(MarkdownText.FromParagraphs(paragraphs)));

        Assert.Equal(paragraphs, html.Body!.Children.Select(p => p.TextContent));
    }
}
