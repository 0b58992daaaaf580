using System.Text;
using NewsReader.Extraction;
using NewsReader.Ingestion;
using NewsReader.Extraction.Text;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Ingestion;

public sealed class TextArticleParserTests
{
    private readonly TextArticleParser _parser = new();

    private static string Article => Seeds.TextArticle("Quay walls repaired after winter storms", "Harbour Gazette", "By Ana Ruiz", "March 3, 2024",
        "The harbour's east quay reopened on Monday after four months of repairs to walls damaged in winter storms.",
        "Fishing boats had been landing their catch at the west quay since November.");

    [Fact]
    public void Parse_Seed_GivesTitleOutletBylineDateAndNineParagraphs()
    {
        var article = _parser.Parse(File.ReadAllBytes(Seeds.SeedFile), Seeds.SeedFile);

        Assert.Equal("Japan establishes diplomatic mission to NATO as ties to Russia, China deteriorate", article.Title);
        Assert.Equal("bno IntelliNews", article.Site);
        Assert.Equal(["bno"], article.Authors);
        Assert.Equal("Taipei Bureau", article.Bureau);
        Assert.Equal("2025-01-17", article.Published);
        Assert.Equal(9, article.Body.Count);
        Assert.Equal(["Features", "Dismiss"], article.Dropped);
        Assert.Equal("text", article.Format);
    }

    [Fact]
    public void Parse_CrLfWithBom_ReadsTheSameAsLf()
    {
        var lf = _parser.Parse(Encoding.UTF8.GetBytes(Article), "a.txt");

        var crlf = _parser.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Article.Replace("\n", "\r\n"))], "a.txt");

        Assert.Equal(lf.Title, crlf.Title);
        Assert.Equal(lf.Site, crlf.Site);
        Assert.Equal(lf.Published, crlf.Published);
        Assert.Equal(lf.Body, crlf.Body);
        Assert.Empty(crlf.Warnings);
    }

    [Fact]
    public void Parse_InvalidUtf8_DecodesWindows1252AndWarns()
    {
        var bytes = Encoding.Latin1.GetBytes(Article.Replace("harbour's", "harbour\u0092s").Replace("Ana Ruiz", "Ana Ru\u00edz"));

        var article = _parser.Parse(bytes, "a.txt");

        Assert.Equal(["Ana Ruíz"], article.Authors);
        Assert.StartsWith("The harbour’s east quay", article.Body[0]);
        Assert.Equal(["File is not valid UTF-8; decoded as Windows-1252."], article.Warnings);
    }

    [Fact]
    public void Parse_ZeroWidthAndNonBreakingSpaces_AreCleanedFromLines()
    {
        var article = _parser.Parse(Encoding.UTF8.GetBytes(Article.Replace("By Ana Ruiz", "By\u00A0Ana\u200B Ruiz")), "a.txt");

        Assert.Equal(["Ana Ruiz"], article.Authors);
    }

    [Fact]
    public void Parse_UndefinedWindows1252BytesSoftHyphensAndThinSpaces_LeaveNoInvisibleCharacters()
    {
        var bytes = Encoding.Latin1.GetBytes(Article.Replace("four months", "four\u00A0months").Replace("repairs", "re\u00ADpairs\u0081"));

        var article = _parser.Parse(bytes, "a.txt");

        Assert.Contains("after four months of repairs to walls", article.Body[0]);
        Assert.DoesNotContain(article.Body[0], c => c is >= '\u007F' and <= '\u009F' or '\u00AD');
    }

    [Theory]
    [InlineData(new byte[0], "File is empty.")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00 }, "File looks binary, not text.")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x0D, 0x0A, 0x09 }, "File has no text.")]
    public void Parse_NotAnArticle_RejectsWithReason(byte[] bytes, string reason)
    {
        var e = Assert.Throws<ArticleRejectedException>(() => _parser.Parse(bytes, "a.txt"));

        Assert.Equal(reason, e.Message);
    }

    [Fact]
    public void Parse_TitleAndBylineOnly_RejectsForMissingBody()
    {
        var e = Assert.Throws<ArticleRejectedException>(() => _parser.Parse("Title only\nTitle only / Harbour Gazette\nBy Ana Ruiz\n\nShare\n"u8, "a.txt"));

        Assert.Equal("No article text after the title.", e.Message);
    }

    [Theory]
    [InlineData("seed.txt", true)]
    [InlineData("NOTES.TXT", true)]
    [InlineData("article", true)]
    [InlineData("page.html", false)]
    [InlineData("photo.jpg", false)]
    public void CanParse_Path_AcceptsTextFilesOnly(string path, bool accepted) =>
        Assert.Equal(accepted, _parser.CanParse(path));
}
