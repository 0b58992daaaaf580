using NewsReader.Extraction;
using NewsReader.Extraction.Text;

namespace NewsReader.Tests.Extraction;

/// <summary>Digits of other scripts are numbers, and metadata that trips a rule costs that field, never the page.</summary>
public sealed class OtherScriptsAndBrokenMetadataTests
{
    [Theory]
    [InlineData("২০২৫-০১-১৭", "2025-01-17")]                  // Bengali
    [InlineData("٢٠٢٥-٠١-١٧T10:32:00Z", "2025-01-17T10:32:00+00:00")] // Arabic-Indic
    [InlineData("१७ January २०२५", "2025-01-17")]              // Devanagari
    [InlineData("２０２５-０１-１７", "2025-01-17")]               // full-width
    public void Normalize_DateInAnotherScriptsDigits_ReadsTheNumbers(string text, string iso) =>
        Assert.Equal(iso, NewsDates.Normalize(text));

    [Fact]
    public void Digits_ToAscii_KeepsPositionsAndOtherCharacters() =>
        Assert.Equal("সাল 2020, 5ই", Digits.ToAscii("সাল ২০২০, ৫ই"));

    [Fact]
    public void Parse_PageDatedInBengaliDigits_KeepsTextAndReadsDate()
    {
        var a = HtmlPages.Parse("""<title>নির্বাচনের ফল</title><meta property="article:published_time" content="২০২০-০৮-২৯T০৯:৪৬:০৬+০০:০০">""");

        Assert.Equal("2020-08-29T09:46:06+00:00", a.Published);
        Assert.Contains(HtmlPages.Paragraph, a.Body);
    }

    [Fact]
    public void TryParse_BylineWithDoubledSpaces_ReadsNames()
    {
        var byline = Byline.TryParse("By Ana  Ruiz and  Tom Ashby");

        Assert.NotNull(byline);
        Assert.Equal(2, byline.Authors.Count);
    }

    [Fact]
    public void Parse_BylineWithOddSpacing_KeepsTheArticle()
    {
        var a = HtmlPages.Parse("<title>Ferry terminal to be rebuilt</title>", """<p class="byline">By Ana  Ruiz  |  Port Courier</p>""");

        Assert.Contains(HtmlPages.Paragraph, a.Body);
        Assert.Equal("Ferry terminal to be rebuilt", a.Title);
    }
}
