using Bunit;
using NewsReader.Components.Shared;

namespace NewsReader.Tests.Components;

public sealed class NewsTimeTests : BunitContext
{
    [Theory]
    [InlineData("2025-01-17", "17 January 2025")]
    [InlineData("2025-01-17T10:32:00-05:00", "17 January 2025, 10:32 (UTC-05:00)")]
    [InlineData("2025-02-05T14:02:00+00:00", "5 February 2025, 14:02 (UTC+00:00)")]
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
}
