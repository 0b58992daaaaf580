using System.Text;
using NewsReader.Images;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Ingestion;

/// <summary>Images are told by their bytes, never their names, and sized from their headers; anything else is refused.</summary>
public sealed class ImageFormatsTests
{
    [Fact]
    public void RealPngAndJpeg_AreRecognised_WithTheirSize()
    {
        Assert.Equal(new ImageFormat("png", "image/png", 640, 427), ImageFormats.Recognise(TestImages.Png(640, 427)));
        Assert.Equal(new ImageFormat("jpg", "image/jpeg", 1200, 675), ImageFormats.Recognise(TestImages.Jpeg(1200, 675)));
    }

    [Fact]
    public void PhotoTurnedByItsCamera_HasItsSidesSwapped_AsBrowsersShowIt()
    {
        Assert.Equal(new ImageFormat("jpg", "image/jpeg", 40, 64), ImageFormats.Recognise(TestImages.Jpeg(64, 40, orientation: 6)));
        Assert.Equal(new ImageFormat("jpg", "image/jpeg", 64, 40), ImageFormats.Recognise(TestImages.Jpeg(64, 40, orientation: 3)));
    }

    [Fact]
    public void GifWebPAndAvifHeaders_GiveTheirSize()
    {
        byte[] gif = [.. "GIF89a"u8, 0x20, 0x03, 0x58, 0x02, 0, 0, 0];
        byte[] webpLossy = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x02, 0xE0, 0x01, 0];
        byte[] webpExtended = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8X"u8, 10, 0, 0, 0, 0, 0, 0, 0, 0x7F, 0x07, 0, 0x37, 0x04, 0, 0];
        byte[] avif = [0, 0, 0, 0x18, .. "ftypmif1"u8, 0, 0, 0, 0, .. "mif1avif"u8, .. new byte[20], .. "ispe"u8, 0, 0, 0, 0, 0, 0, 0x07, 0x80, 0, 0, 0x04, 0x38];

        Assert.Equal(new ImageFormat("gif", "image/gif", 800, 600), ImageFormats.Recognise(gif));
        Assert.Equal(new ImageFormat("webp", "image/webp", 640, 480), ImageFormats.Recognise(webpLossy));
        Assert.Equal(new ImageFormat("webp", "image/webp", 1920, 1080), ImageFormats.Recognise(webpExtended));
        Assert.Equal(new ImageFormat("avif", "image/avif", 1920, 1080), ImageFormats.Recognise(avif));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("GIF8")]
    [InlineData("")]
    public void SvgHtmlAndScraps_AreNotImages(string text) =>
        Assert.Null(ImageFormats.Recognise(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void TruncatedOrLyingHeaders_AreStillTheirFormat_WithoutASize()
    {
        var jpeg = TestImages.Jpeg(64, 64);
        byte[] hugePng = [.. TestImages.Png(1, 1)[..16], 0x7F, 0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF];

        Assert.Equal(new ImageFormat("jpg", "image/jpeg", null, null), ImageFormats.Recognise(jpeg.AsSpan(0, 30)));
        Assert.Equal(new ImageFormat("png", "image/png", null, null), ImageFormats.Recognise(hugePng));
    }
}
