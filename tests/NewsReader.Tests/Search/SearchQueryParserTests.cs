using System.Text.RegularExpressions;
using NewsReader.Search;
using NewsReader.Search.Sqlite;

namespace NewsReader.Tests.Search;

public sealed partial class SearchQueryParserTests
{
    [Theory]
    [InlineData("cats dogs", "\"cats\" AND \"dogs\"")]
    [InlineData("\"exact phrase\"", "\"exact phrase\"")]
    [InlineData("cats OR dogs", "(\"cats\" OR \"dogs\")")]
    [InlineData("cats -dogs", "(\"cats\") NOT \"dogs\"")]
    [InlineData("elect*", "\"elect\" *")]
    [InlineData("title:budget author:ruiz source:\"valley courier\"", "title : \"budget\" AND byline : \"ruiz\" AND outlet : \"valley courier\"")]
    [InlineData("U.S. or", "\"U S\" AND \"or\"")]
    public void Parse_WritesEveryOperatorAsQuotedFts5(string q, string expected)
    {
        var query = SearchQueryParser.Parse(q);

        Assert.Equal(expected, Fts5(query));
        Assert.Empty(query.Problems);
    }

    [Fact]
    public void Parse_ReadsDateFiltersAsWholeDaysMonthsAndYears()
    {
        var query = SearchQueryParser.Parse("budget from:2024-01-15 to:2024-03");

        Assert.Equal(new DateOnly(2024, 1, 15), query.From);
        Assert.Equal(new DateOnly(2024, 3, 31), query.To);
        Assert.Equal("2024-04-01", query.PublishedBefore);
        Assert.Equal("\"budget\"", Fts5(query));
    }

    [Theory]
    [InlineData("\"unclosed phrase", "quotation mark")]
    [InlineData("OR", "OR needs a word")]
    [InlineData("cats OR", "OR needs a word")]
    [InlineData("-", "no word to look for")]
    [InlineData("!!! ??? ...", "no word to look for")]
    [InlineData("-cats", "excluded words")]
    [InlineData("colour:red", "no \"colour:\" filter")]
    [InlineData("from:yesterday cats", "needs a date")]
    [InlineData("light\u0001house\ttour", "Control characters")]
    [InlineData("e* cats", "at least 2 letters")]
    public void Parse_ExplainsWhatItRepaired(string q, string problem)
    {
        var query = SearchQueryParser.Parse(q);

        Assert.Contains(query.Problems, p => p.Contains(problem, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Parse_CapsAVeryLongQuery()
    {
        var query = SearchQueryParser.Parse(string.Concat(Enumerable.Repeat("word ", 2000)));

        Assert.True(query.Text.Length <= SearchQueryParser.MaxLength);
        Assert.Equal(SearchQueryParser.MaxTerms, query.Groups.Count);
        Assert.Contains(query.Problems, p => p.Contains("first 500 characters", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("NEAR(a b, 3) ^title \"x\"\"y")]
    [InlineData("a\" OR title:(x) AND * : {body} -\"")]
    [InlineData("col:\"x\" title:\"a\"\"b\" -(c) d* OR OR e)")]
    public void Parse_NeverLetsReaderTextBecomeSyntax(string q)
    {
        var expression = Fts5(SearchQueryParser.Parse(q));

        // Outside the quoted strings only the parser's own operators may appear.
        var outside = QuotedString().Replace(expression, " ");
        Assert.Matches(@"^(\s|AND|OR|NOT|\(|\)|\*|title :|byline :|outlet :)*$", outside);
    }

    private static string Fts5(SearchQuery query) => FtsExpression.Build(query.Groups, query.Exclusions);

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"")]
    private static partial Regex QuotedString();
}
