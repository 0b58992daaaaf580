using System.Text;
using NewsReader.Extraction;
using NewsReader.Extraction.Markdown;

namespace NewsReader.Tests.Extraction;

/// <summary>
/// Markdown as Hugo, Jekyll, Obsidian's web clipper and plain blog exports write it: TOML, YAML and JSON front matter,
/// no front matter with a byline under the title, and trailing link lists that are not the article.
/// </summary>
public sealed class MarkdownFrontMatterFormatsTests
{
    private const string Text = "Die Gemeinde hat am Dienstag beschlossen, die alte Fähre über den Fluss wieder in Betrieb zu nehmen.";

    private static ParsedArticle Parse(string markdown) => new MarkdownArticleParser().Parse(Encoding.UTF8.GetBytes(markdown), "article.md");

    [Fact]
    public void Parse_HugoTomlFrontMatter_GivesTitleAuthorsDateAndUrl()
    {
        var a = Parse($"""
            +++
            title = "Fähre fährt „wieder“ – ab Juni"
            date = 2025-03-14T07:30:00+01:00
            authors = ["Anna Roth", "Jörg Weiß"]
            url = "https://kreisblatt.example/faehre"
            [params]
            site = "nested, not the outlet"
            +++

            {Text}
            """);

        Assert.Equal("Fähre fährt „wieder“ – ab Juni", a.Title);
        Assert.Equal(["Anna Roth", "Jörg Weiß"], a.Authors);
        Assert.Equal("2025-03-14T07:30:00+01:00", a.Published);
        Assert.Equal("https://kreisblatt.example/faehre", a.CanonicalUrl);
        Assert.Null(a.Site);
        Assert.Equal([Text], a.Body);
    }

    [Fact]
    public void Parse_HugoJsonFrontMatter_GivesTitleAuthorAndDate()
    {
        var a = Parse($$"""
            {
              "title": "مرحبا 😀 Ferry",
              "date": "2025-03-14",
              "author": "Ana Ruiz"
            }

            {{Text}}
            """);

        Assert.Equal("مرحبا 😀 Ferry", a.Title);
        Assert.Equal(["Ana Ruiz"], a.Authors);
        Assert.Equal("2025-03-14", a.Published);
        Assert.Equal([Text], a.Body);
    }

    [Fact]
    public void Parse_BrokenTomlFrontMatter_IsSetAsideWithAWarningAndTheTextKept()
    {
        var a = Parse($"+++\ntitle = \n+++\n\n# Fähre\n\n{Text}\n");

        Assert.Equal("Fähre", a.Title);
        Assert.Equal([Text], a.Body);
        Assert.Contains(a.Warnings, w => w.Contains("TOML", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WebClipperYaml_ReadsWikiLinkedAuthorsSourceUrlAndCreatedDate()
    {
        var a = Parse($"""
            ---
            title: "Fähre fährt wieder"
            source: "https://kreisblatt.example/faehre?ref=clip"
            author:
              - "[[Anna Roth]]"
            created: 2025-03-14
            tags: [clippings]
            ---

            {Text}
            """);

        Assert.Equal(["Anna Roth"], a.Authors);
        Assert.Equal("2025-03-14", a.Published);
        Assert.Equal("https://kreisblatt.example/faehre?ref=clip", a.CanonicalUrl);
        Assert.Null(a.Site);
    }

    [Fact]
    public void Parse_NoFrontMatter_TakesTheBylineUnderTheTitleAndDropsTrailingRelatedLinks()
    {
        var a = Parse($"""
            # Fähre fährt wieder

            *Von Anna Roth · 14. März 2025*

            {Text}

            ## Mehr zum Thema

            - [Neue Brücke geplant](https://kreisblatt.example/bruecke)
            - [Hochwasser: die Bilanz](https://kreisblatt.example/hochwasser)
            """);

        Assert.Equal("Fähre fährt wieder", a.Title);
        Assert.Equal(["Anna Roth"], a.Authors);
        Assert.Equal("2025-03-14", a.Published);
        Assert.Equal([Text], a.Body);
        Assert.DoesNotContain("Hochwasser", a.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("Von Anna Roth · 14. März 2025", a.Dropped);
        Assert.Contains(a.Dropped, d => d.Contains("Neue Brücke geplant", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DateLineUnderTitleAndTrailingShareLine_AreMetadataAndFurniture()
    {
        var a = Parse($"""
            # Ferry returns

            14 March 2025

            {Text}

            Share: [Twitter](https://twitter.example/intent) · [Facebook](https://facebook.example/sharer)
            """);

        Assert.Equal("2025-03-14", a.Published);
        Assert.Equal([Text], a.Body);
    }

    [Fact]
    public void Parse_ArticleEndingWithItsOwnListOfSources_KeepsTheList()
    {
        var a = Parse($"""
            # Ferry returns

            {Text}

            Sources for this story:

            - [Council minutes, 11 March](https://council.example/minutes)
            - [Ferry timetable](https://ferry.example/timetable)
            """);

        Assert.Equal([Text, "Sources for this story:", "Council minutes, 11 March", "Ferry timetable"], a.Body);
    }

    [Fact]
    public void Parse_FirstSentenceStartingWithBy_IsNotTakenForAByline()
    {
        const string first = "By the time the ferry returned in June, the old timetable had been forgotten by most passengers.";
        var a = Parse($"# Ferry returns\n\n{first}\n\n{Text}\n");

        Assert.Empty(a.Authors);
        Assert.Equal([first, Text], a.Body);
    }
}
