using Bunit;
using NewsReader.Components.Shared;

namespace NewsReader.Tests.Components;

public sealed class NotFoundMessageTests : BunitContext
{
    [Fact]
    public void Render_Defaults_SaysNotFoundAndLinksHomeAndSources()
    {
        var message = Render<NotFoundMessage>();

        Assert.Equal("Page not found", message.Find("h1").TextContent);
        Assert.Equal("not-found-title", message.Find("section").GetAttribute("aria-labelledby"));
        Assert.Equal(["/", "/sources"], message.FindAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Render_CustomTitleAndMessage_ShowsThemAsText()
    {
        var message = Render<NotFoundMessage>(p => p
            .Add(c => c.Title, "Article not found")
            .Add(c => c.Message, "No article has the address <quay>."));

        Assert.Equal("Article not found", message.Find("h1").TextContent);
        Assert.Contains("No article has the address <quay>.", message.Find("p").TextContent);
    }
}
