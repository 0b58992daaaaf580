using NewsReader.Extraction;
using NewsReader.Ingestion;

namespace NewsReader.Tests.Ingestion;

public sealed class PageFurnitureTests
{
    [Theory]
    [InlineData("Features")]
    [InlineData("Dismiss")]
    [InlineData("Share")]
    [InlineData("SHARE:")]
    [InlineData("Advertisement")]
    [InlineData("Sign in")]
    [InlineData("Story continues below advertisement")]
    [InlineData("We use cookies to personalise content and analyse our traffic. Manage your preferences in settings.")]
    [InlineData("By continuing to use this site you agree to our use of cookies.")]
    [InlineData("© 2025 Harbour Post. All rights reserved.")]
    [InlineData("Sign up for our morning newsletter")]
    [InlineData("4 min read")]
    [InlineData("Home » World » Europe")]
    [InlineData("Listen to this article · 4:32")]
    [InlineData("This article is more than 2 years old")]
    [InlineData("Reading time: 6 minutes")]
    [InlineData("Read more: Night buses to run until 4am at weekends")]
    [InlineData("Lea también: Impiden ingreso a Nicaragua a periodistas")]
    [InlineData("Lesen Sie auch: Fähre über die Elbe fährt wieder")]
    [InlineData("Czytaj także: Most na Wiśle do remontu")]
    public void IsStray_PageFurniture_ReturnsTrue(string line) =>
        Assert.True(PageFurniture.IsStray(line));

    [Theory]
    [InlineData("Share prices fell 3 percent on Monday.")]
    [InlineData("The cookie factory on Mill Lane will close in March.")]
    [InlineData("Features of the new bridge include a cycle lane.")]
    [InlineData("Sign in the window said the shop had closed for good.")]
    [InlineData("Reading time for children has fallen sharply, a survey found.")]
    [InlineData("Home owners in the valley face higher insurance bills.")]
    [InlineData("Read more about the plans at the town hall, the council said.")]
    [InlineData("Der Bürgermeister sagte: Die Fähre fährt ab Juni wieder.")]
    [InlineData("")]
    public void IsStray_ArticleText_ReturnsFalse(string line) =>
        Assert.False(PageFurniture.IsStray(line));

    [Theory]
    [InlineData("Related articles", true)]
    [InlineData("More stories:", true)]
    [InlineData("You may also like", true)]
    [InlineData("Topics", true)]
    [InlineData("Hinterlasse eine Antwort", true)]
    [InlineData("Deja una respuesta", true)]
    [InlineData("Deixe um comentário", true)]
    [InlineData("Related talks broke down on Friday.", false)]
    public void IsRelatedHeading_Line_TellsWhetherAStoryListStarts(string line, bool heading) =>
        Assert.Equal(heading, PageFurniture.IsRelatedHeading(line));
}
