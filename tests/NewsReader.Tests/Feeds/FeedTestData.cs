using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Feeds;

/// <summary>One app per test class, seeded with three articles from two outlets, one with markup characters in its title.</summary>
public sealed class FeedTestData : IAsyncLifetime
{
    public const string TrickyTitle = "Bonds & <Rates> rise as \"markets\" wait";

    public NewsReaderApp App { get; } = new();

    public Task InitializeAsync() => App.SeedAsync(
        ("a.txt", Seeds.TextArticle(TrickyTitle, "Harbour Gazette", "By Ana Ruiz", "March 3, 2024")),
        ("b.txt", Seeds.TextArticle("Ferry timetable changes for winter", "Harbour Gazette", "By Li Wei", "March 5, 2024")),
        ("c.txt", Seeds.TextArticle("Mountain pass reopens after storm", "Valley Courier", "By Sam Okafor", "March 4, 2024")));

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
