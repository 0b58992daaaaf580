using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>The app over the shipped seed article alone, shared by a test class; no API rate limit (tests search in bulk).</summary>
public sealed class SeedAppFixture : IAsyncLifetime
{
    public NewsReaderApp App { get; } = new(settings: new Dictionary<string, string?> { ["NewsReader:Api:RateLimitPermits"] = "0" });

    public async Task InitializeAsync() => await App.SeedShippedArticleAsync();

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
