using Bunit;
using NewsReader.Articles;
using NewsReader.Components.Shared;

namespace NewsReader.Tests.Components;

public sealed class ArticleCardTests : BunitContext
{
    private static readonly ArticleSummary Summary = new()
    {
        Id = 7, Slug = "quay-walls-repaired", Title = "Quay walls repaired", OutletName = "Harbour Gazette", OutletSlug = "harbour-gazette",
        Byline = "Ana Ruiz and Tom Ashby", PublishedAt = "2024-03-03", Excerpt = "The east quay reopened on Monday.", WordCount = 700,
    };

    [Fact]
    public void Render_FullSummary_ShowsLinkedTitleOutletBylineDateExcerptAndReadingTime()
    {
        var card = Render<ArticleCard>(p => p.Add(c => c.Article, Summary));

        Assert.Equal("/articles/quay-walls-repaired", card.Find("h2 a").GetAttribute("href"));
        Assert.Equal("Quay walls repaired", card.Find("h2 a").TextContent);
        Assert.Equal("/sources/harbour-gazette", card.Find("a.outlet").GetAttribute("href"));
        Assert.Equal("By Ana Ruiz and Tom Ashby", card.Find(".byline").TextContent);
        Assert.Equal("2024-03-03", card.Find("time").GetAttribute("datetime"));
        Assert.Equal("3 March 2024", card.Find("time").TextContent);
        Assert.Equal("3 min read", card.Find(".reading-time").TextContent);
        Assert.Equal("The east quay reopened on Monday.", card.Find(".excerpt").TextContent);
        Assert.Empty(card.FindAll(".badge"));
    }

    [Fact]
    public void Render_NoOutletBylineOrDate_LeavesThemOutInsteadOfInventing()
    {
        var card = Render<ArticleCard>(p => p.Add(c => c.Article, Summary with { OutletName = null, OutletSlug = null, Byline = null, PublishedAt = null }));

        Assert.Empty(card.FindAll("a.outlet"));
        Assert.Empty(card.FindAll(".byline"));
        Assert.Empty(card.FindAll("time"));
        Assert.Equal("3 min read", card.Find(".reading-time").TextContent);
    }

    [Fact]
    public void Render_CorrectedArticle_ShowsCorrectedBadge()
    {
        var card = Render<ArticleCard>(p => p.Add(c => c.Article, Summary with { Corrected = true }));

        Assert.Equal("Corrected", card.Find(".badge").TextContent);
    }

    [Fact]
    public void Render_TitleWithMarkup_IsShownAsTextNotHtml()
    {
        var card = Render<ArticleCard>(p => p.Add(c => c.Article, Summary with { Title = "<script>alert(1)</script> & more" }));

        Assert.Empty(card.FindAll("script"));
        Assert.Equal("<script>alert(1)</script> & more", card.Find("h2 a").TextContent);
    }
}
