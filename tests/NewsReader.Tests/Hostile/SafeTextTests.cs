using NewsReader.Security;
using NewsReader.Extraction;

namespace NewsReader.Tests.Hostile;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("minister\u009Dsaid", "ministersaid")]
    [InlineData("a\0b\u000Ec\u001Fd\u007Fe", "abcde")]
    [InlineData("line\u000Bnext\u000Cpage\u001Bend", "linenextpageend")]
    [InlineData("\u0093Quoted\u0094 \u0096 dash\u0085 it\u0092s \u0080 5", "“Quoted” – dash… it’s € 5")]
    [InlineData("non\uFDD0char\uFFFE\uFFFF", "nonchar")]
    [InlineData("plane 16 \U0010FFFF and plane 1 \U0001FFFE", "plane 16  and plane 1 ")]
    public void Clean_RemovesControlsSurrogatesAndNonCharacters(string input, string expected) =>
        Assert.Equal(expected, SafeText.Clean(input));

    [Fact]
    public void Clean_RemovesLoneSurrogates_KeepsPairs()
    {
        var text = "lone " + '\uD800' + " high, " + '\uDC00' + " low, pair 😀 end" + '\uD83D';

        Assert.Equal("lone  high,  low, pair 😀 end", SafeText.Clean(text));
    }

    [Theory]
    [InlineData("“Curly” quotes — dashes – and ‘apostrophes’")]
    [InlineData("Café naïve Ελληνικά Русский 中文 日本語 한국어")]
    [InlineData("عربي and עברית with \u200F RLM and \u202E override \u202C")]
    [InlineData("Zero\u200Bwidth\u200Djoiner and BOM \uFEFF")]
    [InlineData("Emoji 🗞️ 👩🏽‍💻 flags 🇬🇷 and digits ٣ ৩ ๓")]
    [InlineData("tab\tnew\nline\r\nend")]
    public void Clean_KeepsRealTypographyUntouched(string text)
    {
        Assert.True(SafeText.IsSafe(text));
        Assert.Same(text, SafeText.Clean(text));
    }
}
