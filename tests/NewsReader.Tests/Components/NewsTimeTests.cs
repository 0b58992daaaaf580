using Bunit;
using NewsReader.Components.Shared;

namespace NewsReader.Tests.Components;

public sealed class NewsTimeTests : BunitContext
{
    [Theory]
    [InlineData("2025-01-17", "17 January 2025")]
    [InlineData("2025-01-17T10:32:00-05:00", "17 January 2025, 15:32 UTC")]
    [InlineData("2025-02-05T14:02:00+00:00", "5 February 2025, 14:02 UTC")]
    [InlineData("2025-03-14T07:30:00Z", "14 March 2025, 07:30 UTC")]
    [InlineData("2025-12-31T23:30:00-02:00", "1 January 2026, 01:30 UTC")]
    [InlineData("2025-01-17T10:32:00", "17 January 2025, 10:32")]
    public void Render_IsoDate_ShowsReadableDateWithMachineValue(string iso, string shown)
    {
        var time = Render<NewsTime>(p => p.Add(c => c.Iso, iso));

        Assert.Equal(iso, time.Find("time").GetAttribute("datetime"));
        Assert.Equal(shown, time.Find("time").TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Render_NoDate_RendersNothing(string? iso)
    {
        var time = Render<NewsTime>(p => p.Add(c => c.Iso, iso));

        Assert.Empty(time.FindAll("time"));
        Assert.Equal("", time.Markup.Trim());
    }

    [Fact]
    public void Render_RelativeInstant_IsMarkedForTheBrowser_ADateAloneIsNot()
    {
        var instant = Render<NewsTime>(p => p.Add(c => c.Iso, "2025-03-14T07:30:00Z").Add(c => c.Relative, true));
        var day = Render<NewsTime>(p => p.Add(c => c.Iso, "2025-03-14").Add(c => c.Relative, true));
        var plain = Render<NewsTime>(p => p.Add(c => c.Iso, "2025-03-14T07:30:00Z"));

        Assert.True(instant.Find("time").HasAttribute("data-relative"));
        Assert.Equal("14 March 2025, 07:30 UTC", instant.Find("time").TextContent);
        Assert.False(day.Find("time").HasAttribute("data-relative"));
        Assert.False(plain.Find("time").HasAttribute("data-relative"));
    }
}
