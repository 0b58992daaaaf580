using NewsReader.BrowserTests.Infrastructure;

namespace NewsReader.BrowserTests.Newsroom;

/// <summary>
/// Its own app and browser: the correction flow changes the seed article, which the reading tests expect as shipped.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NewsroomFlowCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Newsroom flow";
}
