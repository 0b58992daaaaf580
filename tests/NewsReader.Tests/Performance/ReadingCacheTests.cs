using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Performance;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Performance;

/// <summary>Cached, compressed and revalidated reading pages that still show every change at once.</summary>
public sealed class ReadingCacheTests : IAsyncLifetime
{
    private readonly NewsReaderApp _app = new();

    public Task InitializeAsync() => _app.SeedShippedArticleAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ArticlePage_AnswersNotModified_WhenReaderSendsItsETag()
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync($"/articles/{Seeds.SeedSlug}");
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        var again = new HttpRequestMessage(HttpMethod.Get, $"/articles/{Seeds.SeedSlug}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        var sinceRequest = new HttpRequestMessage(HttpMethod.Get, $"/articles/{Seeds.SeedSlug}");
        sinceRequest.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(sinceRequest)).StatusCode);
    }

    [Fact]
    public async Task ReadingPages_SetNoCookie_AndAskBrowsersToRevalidate()
    {
        var response = await _app.CreateClient().GetAsync("/");

        Assert.False(response.Headers.Contains("Set-Cookie"), "an anonymous reading page sets no cookie");
        Assert.True(response.Headers.CacheControl?.NoCache, "browsers revalidate instead of showing a stale page");
        Assert.False(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task ArticlePage_IsSharedAcrossReaders_WhileTheReportPageKeepsItsOwnToken()
    {
        var article = await _app.CreateClient().GetAsync($"/articles/{Seeds.SeedSlug}");
        var report = await _app.CreateClient().GetAsync($"/articles/{Seeds.SeedSlug}/report");

        Assert.False(article.Headers.Contains("Set-Cookie"), "the article holds no reader's form token, so one rendering serves all");
        Assert.False(article.Headers.CacheControl?.Private);
        Assert.True(report.Headers.Contains("Set-Cookie"), "the report form's token belongs to the reader's antiforgery cookie");
        Assert.True(report.Headers.CacheControl?.NoStore, "a page holding one reader's token is never stored");
    }

    [Fact]
    public async Task PublishedCorrection_ShowsOnTheCachedArticleAtOnce()
    {
        var client = _app.CreateClient();
        var before = await client.GetStringAsync($"/articles/{Seeds.SeedSlug}");
        var corrections = _app.Services.GetRequiredService<NewsReader.Corrections.CorrectionStore>();
        var live = (await corrections.LiveRevisionAsync(Seeds.SeedSlug, CancellationToken.None))!;

        var filed = await corrections.PublishAsync(live.ArticleId, live.Id, new NewsReader.Corrections.CorrectionDraft(
            NewsReader.Corrections.CorrectionKind.Correction, "An earlier version misnamed Japan's envoy to NATO.", null), "edna", CancellationToken.None);
        var after = await client.GetStringAsync($"/articles/{Seeds.SeedSlug}");

        Assert.True(filed.Ok);
        Assert.DoesNotContain("misnamed Japan", before);
        Assert.Contains("An earlier version misnamed Japan", after);
    }

    [Fact]
    public async Task NewIngestion_ShowsOnListAtOnce_AndChangesTheETag()
    {
        var client = _app.CreateClient();
        var before = await client.GetAsync("/");
        Assert.DoesNotContain("Lighthouse keepers return", await before.Content.ReadAsStringAsync());

        await _app.SeedAsync(("new.txt", Seeds.TextArticle("Lighthouse keepers return to the northern cape")));

        var again = new HttpRequestMessage(HttpMethod.Get, "/");
        again.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Lighthouse keepers return to the northern cape", await after.Content.ReadAsStringAsync());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task InvalidatingTheReadingCache_ChangesTheETag()
    {
        var client = _app.CreateClient();
        var before = await client.GetAsync($"/articles/{Seeds.SeedSlug}");

        await _app.Services.GetRequiredService<ReadingCache>().InvalidateAsync();

        var again = new HttpRequestMessage(HttpMethod.Get, $"/articles/{Seeds.SeedSlug}");
        again.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task ArticlePage_IsCompressed_WhenTheBrowserAcceptsIt(string encoding)
    {
        var client = _app.CreateDefaultClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/articles/{Seeds.SeedSlug}");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.SendAsync(request);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task SignedInLookingRequests_AreNeitherServedFromNorStoredInTheSharedCache()
    {
        var client = _app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "session=editor");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }
    [Fact]
    public async Task TwoNodesOnOneStore_GiveTheSameETag_AndACorrectionOnOneMovesBoth()
    {
        using var other = AnotherAppOnTheSameStore();
        var a = _app.CreateClient();
        var b = other.CreateClient();
        var url = $"/articles/{Seeds.SeedSlug}";
        var (beforeA, beforeB) = ((await a.GetAsync(url)).Headers.ETag, (await b.GetAsync(url)).Headers.ETag);

        var corrections = _app.Services.GetRequiredService<NewsReader.Corrections.CorrectionStore>();
        var live = (await corrections.LiveRevisionAsync(Seeds.SeedSlug, CancellationToken.None))!;
        await corrections.PublishAsync(live.ArticleId, live.Id, new NewsReader.Corrections.CorrectionDraft(
            NewsReader.Corrections.CorrectionKind.Clarification, "Japan’s mission will sit in NATO’s Brussels headquarters.", null), "edna", CancellationToken.None);
        var afterA = (await a.GetAsync(url)).Headers.ETag;
        var revalidated = new HttpRequestMessage(HttpMethod.Get, url);
        revalidated.Headers.IfNoneMatch.Add(beforeB!);
        var afterB = await b.SendAsync(revalidated);

        Assert.Equal(beforeA, beforeB);
        Assert.NotEqual(beforeA, afterA);
        Assert.Equal(HttpStatusCode.OK, afterB.StatusCode);
        Assert.Equal(afterA, afterB.Headers.ETag);
    }

    [Fact]
    public async Task ArticlesIngestedByAnotherProcessOnTheStore_ShowOnTheCachedListAtOnce()
    {
        // Another writer on the same store (the ingest verb beside the running app, on SQLite, sends no signal).
        using var writer = AnotherAppOnTheSameStore();
        Assert.DoesNotContain("Ferry to Île d’Yeu", await HomeTextAsync());

        await writer.SeedAsync(("yeu.txt", Seeds.TextArticle("Ferry to Île d’Yeu doubles its summer crossings")));

        Assert.Contains("Ferry to Île d’Yeu doubles its summer crossings", await HomeTextAsync());
    }

    private async Task<string> HomeTextAsync() => (await _app.GetPageAsync("/")).Document.Body!.TextContent;

    /// <summary>A second app on this test's store (a SQLite file or a PostgreSQL database, whichever the run uses).</summary>
    private NewsReaderApp AnotherAppOnTheSameStore()
    {
        var settings = _app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        return new NewsReaderApp(settings: new[] { "NewsReader:DatabasePath", "NewsReader:Database:Provider", "ConnectionStrings:NewsReader" }
            .Where(key => settings[key] is not null)
            .ToDictionary(key => key, key => settings[key]));
    }
}
