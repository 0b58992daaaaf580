using System.Net;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Feeds;

public sealed class ConditionalFeedTests(FeedTestData data) : IClassFixture<FeedTestData>
{
    private readonly NewsReaderApp _app = data.App;

    [Fact]
    public async Task SameETag_Gets304WithoutBody()
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync("/feed");
        var etag = first.Headers.ETag!;

        var request = new HttpRequestMessage(HttpMethod.Get, "/feed");
        request.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task LastModified_Gets304_WhenNothingChanged()
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync("/sources/valley-courier/feed");
        var lastModified = first.Content.Headers.LastModified!.Value;

        var request = new HttpRequestMessage(HttpMethod.Get, "/sources/valley-courier/feed");
        request.Headers.IfModifiedSince = lastModified;
        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task NewArticle_ChangesTheETag()
    {
        var client = _app.CreateClient();
        var etag = (await client.GetAsync("/feed")).Headers.ETag!;
        await _app.SeedAsync(("d.txt", Seeds.TextArticle("Harbour crane arrives by sea", "Harbour Gazette", "By Ana Ruiz", "March 6, 2024")));

        var request = new HttpRequestMessage(HttpMethod.Get, "/feed");
        request.Headers.IfNoneMatch.Add(etag);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag);
        Assert.Contains("Harbour crane arrives by sea", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SummaryAndFullText_HaveDifferentETags()
    {
        var client = _app.CreateClient();
        var full = (await client.GetAsync("/feed")).Headers.ETag;
        var summary = (await client.GetAsync("/feed?content=summary")).Headers.ETag;

        Assert.NotEqual(full, summary);
    }
}
