using System.Net;

namespace NewsReader.Tests.Search;

/// <summary>
/// What a reader types is only ever words to look for, on either database: SQL and the index's own operators (FTS5's,
/// and tsquery's &amp; | ! : * &lt;-&gt;) separate words as any punctuation does, and never change what is searched.
/// </summary>
public sealed class QueryAsWordsTests(SearchCorpusFixture corpus) : IClassFixture<SearchCorpusFixture>
{
    // The page, not the API: a query the parser had to repair (an unknown "name:") still shows its results there.
    private async Task<(HttpStatusCode Status, List<string> Titles)> SearchAsync(string q)
    {
        var (response, page) = await corpus.App.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));
        return (response.StatusCode, page.QuerySelectorAll(".search-hit h2 a").Select(a => a.TextContent).Order().ToList());
    }

    [Theory]
    [InlineData("'); DROP TABLE articles; --")]
    [InlineData("lighthouse'); DELETE FROM articles; --")]
    [InlineData("\"; DROP TABLE search_documents; --\"")]
    [InlineData("x' OR '1'='1")]
    [InlineData("lighthouse' || pg_sleep(5) || '")]
    [InlineData("$$; DROP TABLE outlets; $$")]
    public async Task SqlInTheQuery_IsSearchedAsWords_AndChangesNothing(string q)
    {
        var (status, _) = await SearchAsync(q);

        Assert.Equal(HttpStatusCode.OK, status);
        var (_, lighthouse) = await SearchAsync("lighthouse");
        Assert.Equal(["Ferry timetable changes for spring", "Lighthouse keepers return to the coast"], lighthouse);
    }

    [Theory]
    // As operators these would mean "either word" or "not boat"; as separators they make a phrase, or two words.
    [InlineData("lighthouse|ferry", new string[0])]
    [InlineData("lighthouse | ferry", new[] { "Ferry timetable changes for spring" })]
    [InlineData("keepers & !boat", new[] { "Lighthouse keepers return to the coast" })]
    [InlineData("keepers !boat", new[] { "Lighthouse keepers return to the coast" })]
    [InlineData("keepers <-> boat", new[] { "Lighthouse keepers return to the coast" })]
    [InlineData("lighthous:*", new string[0])]
    [InlineData("(lighthouse | narwhal) & !keepers", new string[0])]
    [InlineData("'lighthouse' <-> 'keepers'", new[] { "Lighthouse keepers return to the coast" })]
    [InlineData("lighthouse\\ keepers\\", new[] { "Lighthouse keepers return to the coast" })]
    public async Task IndexOperatorsInTheQuery_SeparateWords_AndAreNeverOperators(string q, string[] expected)
    {
        var (status, titles) = await SearchAsync(q);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, titles);
    }

    [Theory]
    [InlineData("cafe")]
    [InlineData("CAFÉ")]
    [InlineData("Café")]
    [InlineData("cafe\u0301")]  // é written as e and a combining accent
    [InlineData("cafés")]
    public async Task AccentsAndCase_AreFolded_InTheQueryAsInTheText(string q)
    {
        var (status, titles) = await SearchAsync(q);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Café owners welcome tourists"], titles);
    }

    [Theory]
    [InlineData("keeper")]
    [InlineData("keepers")]
    public async Task WordForms_FindTheirStem(string q)
    {
        var (_, titles) = await SearchAsync(q);

        Assert.Equal(["Lighthouse keepers return to the coast"], titles);
    }
}
