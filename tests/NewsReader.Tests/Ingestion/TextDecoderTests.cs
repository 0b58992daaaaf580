using System.Text;
using NewsReader.Extraction;
using NewsReader.Ingestion;

namespace NewsReader.Tests.Ingestion;

public sealed class TextDecoderTests
{
    [Fact]
    public void Decode_Utf8WithBom_DropsBomWithoutWarning()
    {
        var (text, warning) = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Café")]);

        Assert.Equal("Café", text);
        Assert.Null(warning);
    }

    [Fact]
    public void Decode_Utf8WithoutBom_KeepsTextWithoutWarning()
    {
        var (text, warning) = TextDecoder.Decode(Encoding.UTF8.GetBytes("Tokyo’s “interests” — 東京"));

        Assert.Equal("Tokyo’s “interests” — 東京", text);
        Assert.Null(warning);
    }

    [Fact]
    public void Decode_InvalidUtf8_FallsBackToWindows1252WithWarning()
    {
        var (text, warning) = TextDecoder.Decode([.. "Tokyo"u8, 0x92, .. "s caf"u8, 0xE9]);

        Assert.Equal("Tokyo’s café", text);
        Assert.Contains("Windows-1252", warning);
    }

    [Fact]
    public void Decode_Utf8WithAFewStrayLatin1Bytes_KeepsTheUtf8AndReadsOnlyTheStrayBytesAsWindows1252()
    {
        // A UTF-8 page with one word pasted from a Latin-1 source: "Mäscot" in UTF-8, then "Käse" with a bare 0xE4.
        byte[] bytes = [.. "Mäscot das Schaf – Webcomic. Schöne Grüße, 東京. K"u8, 0xE4, .. "se"u8];

        var (text, warning) = TextDecoder.Decode(bytes);

        Assert.Equal("Mäscot das Schaf – Webcomic. Schöne Grüße, 東京. Käse", text);
        Assert.Contains("not valid UTF-8 in one place", warning);
    }

    [Fact]
    public void Decode_Utf16WithBom_ReadsText()
    {
        var (text, warning) = TextDecoder.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Ferry strike")]);

        Assert.Equal("Ferry strike", text);
        Assert.Null(warning);
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Decode_Utf16WithoutBom_ReadsTextAndIsNotBinary(string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes("Ferry strike ends\nCrews return on Friday.");

        var (text, warning) = TextDecoder.Decode(bytes);

        Assert.False(TextDecoder.LooksBinary(bytes));
        Assert.Equal("Ferry strike ends\nCrews return on Friday.", text);
        Assert.Null(warning);
    }

    [Fact]
    public void LooksBinary_NulByte_ReturnsTrue() =>
        Assert.True(TextDecoder.LooksBinary([.. "Title"u8, 0x00, .. "body"u8]));

    [Fact]
    public void LooksBinary_ZerosOnEveryOtherByteAroundNonText_ReturnsTrue() =>
        Assert.True(TextDecoder.LooksBinary([0x01, 0x00, 0x02, 0x00, 0x81, 0x00, 0x90, 0x00, 0x05, 0x00, 0x06, 0x00]));

    [Fact]
    public void LooksBinary_PngHeader_ReturnsTrue() =>
        Assert.True(TextDecoder.LooksBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]));

    [Fact]
    public void LooksBinary_TextWithCrLfAndTabs_ReturnsFalse() =>
        Assert.False(TextDecoder.LooksBinary("Title\r\n\tBody text.\r\n"u8));
}
