using System.Text;
using NewsReader.Extraction.Html;

namespace NewsReader.Tests.Extraction;

public sealed class CharsetTests
{
    private const string Page = "<html><head>{0}<title>Caf\u00e9 \u201cstrike\u201d ends</title></head><body><p>Caf\u00e9 workers ended their \u201cstrike\u201d on Monday after the owners agreed to a 6% raise \u2013 and a \u20ac200 bonus.</p></body></html>";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Theory]
    [InlineData("<meta charset=\"windows-1252\">")]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")]
    [InlineData("<meta charset='ISO-8859-1'>")]
    public void Declared_single_byte_charsets_decode_curly_quotes_dashes_and_euros(string declaration)
    {
        var bytes = Windows1252.GetBytes(string.Format(Page, declaration));

        var a = new HtmlArticleParser().Parse(bytes, "cafe.html");

        Assert.Equal("Caf\u00e9 \u201cstrike\u201d ends", a.Title);
        Assert.Contains("\u2013 and a \u20ac200 bonus", a.Body[0], StringComparison.Ordinal);
        Assert.DoesNotContain(a.Warnings, w => w.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Byte_order_mark_wins_over_a_wrong_declaration()
    {
        var text = string.Format(Page, "<meta charset=\"windows-1252\">");
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        Assert.Equal("Caf\u00e9 \u201cstrike\u201d ends", new HtmlArticleParser().Parse(utf16, "a.html").Title);
        Assert.Equal("Caf\u00e9 \u201cstrike\u201d ends", new HtmlArticleParser().Parse(utf8, "b.html").Title);
    }

    [Fact]
    public void Undeclared_bytes_that_are_not_utf8_fall_back_to_windows_1252_with_a_warning()
    {
        var a = new HtmlArticleParser().Parse(Windows1252.GetBytes(string.Format(Page, "")), "c.html");

        Assert.Equal("html", a.Format);
        Assert.Equal("Caf\u00e9 \u201cstrike\u201d ends", a.Title);
        Assert.Contains("File is not valid UTF-8; decoded as Windows-1252.", a.Warnings);
    }
}
