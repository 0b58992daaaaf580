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
