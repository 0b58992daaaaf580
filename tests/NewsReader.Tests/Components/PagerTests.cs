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
        Assert.Equal("Page 1 of 3", pager.Find("nav span").TextContent);
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
}
