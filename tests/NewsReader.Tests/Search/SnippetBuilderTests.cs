using NewsReader.Search;
using NewsReader.Search.Highlighting;

namespace NewsReader.Tests.Search;

public sealed class SnippetBuilderTests
{
    [Theory]
    [InlineData("running", "run")]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("electricity", "electr")]
    [InlineData("generalization", "gener")]
    [InlineData("controlling", "control")]
    [InlineData("national", "nation")]
    public void Porter_StemsAsTheIndexDoes(string word, string stem) => Assert.Equal(stem, Porter.Stem(word));

    private static string Html(string q, string body) =>
        Snippets.ToHtml(new SnippetBuilder(SearchQueryParser.Parse(q)).Build(body));

    [Fact]
    public void Snippet_MarksStemsDiacriticsAndPhrases()
    {
        var html = Html("running cafe \"central bank\"", "The owners run the Café near the central bank, not the bank annex.");

        Assert.Equal("The owners <mark>run</mark> the <mark>Café</mark> near the <mark>central bank</mark>, not the bank annex.", html);
    }

    private static string Filler(int words) => string.Join(" ", Enumerable.Range(0, words).Select(i => $"word{i % 50}"));

    [Theory]
    [InlineData("economie", "<mark>Économie</mark>")]
    [InlineData("zurich", "<mark>Zürich</mark>")]
    [InlineData("harbours", "<mark>harbour</mark>")]
    public void Snippet_FindsAMatchDeepInALongBody_AccentedOrNot(string q, string marked)
    {
        var body = $"{Filler(800)} the Économie desk in Zürich watched the harbour. {Filler(50)}";

        var html = Html(q, body);

        Assert.StartsWith("…", html);
        Assert.Contains(marked, html);
    }

    [Fact]
    public void Snippet_SkipsTermsInsideLongerWords_AndMarksTheWordItself()
    {
        // "port" sits inside "report", "support" and "imports" long before the phrase itself.
        var body = $"The report on imports drew support. {Filler(300)} Then the Port Authority spoke. {Filler(60)}";

        var html = Html("\"port authority\"", body);

        Assert.Contains("the <mark>Port Authority</mark> spoke.", html);
        Assert.DoesNotContain("report", html);
    }

    [Fact]
    public void Snippet_WithNoMatchInTheBody_IsItsOpening()
    {
        var html = Html("lighthouse", $"The council met on Monday. {Filler(400)}");

        Assert.StartsWith("The council met on Monday.", html);
        Assert.DoesNotContain("<mark>", html);
    }

    [Fact]
    public void Snippet_MarksPrefixesAndLeavesExclusionsAndTitleTermsAlone()
    {
        var html = Html("elect* -budget title:vote", "Electricity prices rose before the election; the budget vote was delayed.");

        Assert.Equal("<mark>Electricity</mark> prices rose before the <mark>election</mark>; the budget vote was delayed.", html);
    }

    [Fact]
    public void Snippet_ChoosesTheWindowWithTheMatchAndEncodesMarkup()
    {
        var body = string.Join(" ", Enumerable.Repeat("filler", 100)) + " <b>walrus</b> & more " + string.Join(" ", Enumerable.Repeat("tail", 100));

        var html = Html("walrus", body);

        Assert.StartsWith("…", html);
        Assert.EndsWith("…", html);
        Assert.Contains("&lt;b&gt;<mark>walrus</mark>&lt;/b&gt; &amp; more", html);
    }
}
