using NewsReader.Ingestion;

namespace NewsReader.Tests.Ingestion;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Japan establishes diplomatic mission to NATO as ties to Russia, China deteriorate", "japan-establishes-diplomatic-mission-to-nato-as-ties-to-russia-china-deteriorate")]
    [InlineData("Café owners say déjà vu", "cafe-owners-say-deja-vu")]
    [InlineData("Tokyo’s and Japan's ties", "tokyos-and-japans-ties")]
    [InlineData("  --Rent / wage gap--  ", "rent-wage-gap")]
    [InlineData("bno IntelliNews", "bno-intellinews")]
    public void From_Title_MakesLowerCaseHyphenatedAscii(string title, string slug) =>
        Assert.Equal(slug, Slugs.From(title));

    [Theory]
    [InlineData("")]
    [InlineData("—!?")]
    [InlineData("東京")]
    public void From_NoLatinLettersOrDigits_ReturnsArticle(string title) =>
        Assert.Equal("article", Slugs.From(title));

    [Fact]
    public void From_LongTitle_IsCutAtAWholeWordWithinEightyCharacters()
    {
        var slug = Slugs.From(string.Join(" ", Enumerable.Repeat("harbour authority", 20)));

        Assert.InRange(slug.Length, 1, 80);
        Assert.All(slug.Split('-'), word => Assert.Contains(word, new[] { "harbour", "authority" }));
    }
}
