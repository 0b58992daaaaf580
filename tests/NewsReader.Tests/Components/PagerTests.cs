using Bunit;
using NewsReader.Components.Shared;

namespace NewsReader.Tests.Components;

public sealed class PagerTests : BunitContext
{
    private static string Href(int page) => $"/?outlet=harbour-gazette&page={page}";

    [Fact]
    public void Render_SinglePage_ShowsNoPager()
    {
        var pager = Render<Pager>(p => p.Add(c => c.Page, 1).Add(c => c.PageCount, 1).Add(c => c.Href, Href));

        Assert.Empty(pager.FindAll("nav"));
    }

    [Fact]
    public void Render_FirstOfThree_LinksOnlyToOlder()
    {
        var pager = Render<Pager>(p => p.Add(c => c.Page, 1).Add(c => c.PageCount, 3).Add(c => c.Href, Href));

        Assert.Empty(pager.FindAll("a[rel=prev]"));
        Assert.Equal("/?outlet=harbour-gazette&page=2", pager.Find("a[rel=next]").GetAttribute("href"));
        Assert.Equal("Page 1 of 3", pager.Find(".pager-status").TextContent);
    }

    [Fact]
    public void Render_MiddlePage_LinksBothWaysInALabelledNav()
    {
        var pager = Render<Pager>(p => p.Add(c => c.Page, 2).Add(c => c.PageCount, 3).Add(c => c.Href, Href));

        Assert.Equal("Pages", pager.Find("nav").GetAttribute("aria-label"));
        Assert.Equal("/?outlet=harbour-gazette&page=1", pager.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/?outlet=harbour-gazette&page=3", pager.Find("a[rel=next]").GetAttribute("href"));
    }

    [Fact]
    public void Render_LastPage_LinksOnlyToNewer()
    {
        var pager = Render<Pager>(p => p.Add(c => c.Page, 3).Add(c => c.PageCount, 3).Add(c => c.Href, Href));

        Assert.Empty(pager.FindAll("a[rel=next]"));
        Assert.NotNull(pager.Find("a[rel=prev]"));
    }

    [Fact]
    public void Render_PageFortyOfEightyOne_NumbersFirstLastAndNeighbours()
    {
        var pager = Render<Pager>(p => p.Add(c => c.Page, 40).Add(c => c.PageCount, 81).Add(c => c.Href, Href));

        var numbers = pager.FindAll("li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.Equal(["← Newer", "1", "…", "38", "39", "40", "41", "42", "…", "81", "Older →"], numbers);
        Assert.Equal("/?outlet=harbour-gazette&page=81", pager.Find("a[aria-label='Page 81, last page']").GetAttribute("href"));
        Assert.Equal("/?outlet=harbour-gazette&page=1", pager.Find("a[aria-label='Page 1, first page']").GetAttribute("href"));
        Assert.Equal("40", pager.Find("a[aria-current=page]").TextContent);
    }

    [Fact]
    public void Numbers_AGapOfOnePage_ShowsThatPageNotAnEllipsis()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6], Pager.Numbers(4, 6));
        Assert.Equal([1, 2, 3, 0, 9], Pager.Numbers(1, 9));
    }

    [Fact]
    public void Render_ListInAnotherOrder_ArrowsSayWhatTheyDo()
    {
        var pager = Render<Pager>(p => p.Add(c => c.Page, 2).Add(c => c.PageCount, 3).Add(c => c.Href, Href)
            .Add(c => c.PreviousLabel, "Better matches").Add(c => c.NextLabel, "Weaker matches"));

        Assert.Equal("← Better matches", pager.Find("a[rel=prev]").TextContent);
        Assert.Equal("Weaker matches →", pager.Find("a[rel=next]").TextContent);
    }
}
