using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Store;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Api;

/// <summary>Conditional requests, the published-revision rules and the OpenAPI document.</summary>
public sealed class ApiBehaviourTests : IAsyncLifetime
{
    private const string Slug = "council-approves-budget";
    private readonly NewsReaderApp _app = new();
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        await _app.SeedAsync(("1.txt", Seeds.TextArticle("Council approves budget", "Harbour Gazette", "By Li Wei", "March 2, 2024")));
        _client = _app.CreateClient();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/articles/" + Slug)]
    [InlineData("/api/outlets")]
    [InlineData("/api/outlets/harbour-gazette")]
    public async Task MatchingIfNoneMatch_Gets304(string url)
    {
        var first = await _client.GetAsync(url);
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfModifiedSince_Gets304_AndAStaleETagGets200()
    {
        var first = await _client.GetAsync("/api/articles");

        var sinceRequest = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        sinceRequest.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        var staleRequest = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        staleRequest.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\""));
        staleRequest.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(sinceRequest)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(staleRequest)).StatusCode);
    }

    [Fact]
    public async Task Correction_ShowsInRevisionsAndCorrections_PendingRevisionDoesNot()
    {
        var before = (await _client.GetAsync($"/api/articles/{Slug}")).Headers.ETag;
        var corrections = _app.Services.GetRequiredService<NewsReader.Corrections.CorrectionStore>();
        var live = (await corrections.LiveRevisionAsync(Slug, CancellationToken.None))!;
        var filed = await corrections.PublishAsync(live.ArticleId, live.Id, new NewsReader.Corrections.CorrectionDraft(
            NewsReader.Corrections.CorrectionKind.Correction, "The bridge reopens on Monday, not Sunday.", "Corrected."), "editor", CancellationToken.None);
        Assert.True(filed.Ok);
        await AddPendingRevisionAsync(3);

        var response = await _client.GetAsync($"/api/articles/{Slug}");
        var article = await response.JsonAsync();
        var list = await (await _client.GetAsync("/api/articles")).JsonAsync();

        Assert.NotEqual(before, response.Headers.ETag);
        Assert.Equal([2, 1], article.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        var correction = Assert.Single(article.GetProperty("corrections").EnumerateArray());
        Assert.Equal(2, correction.GetProperty("revisionNumber").GetInt32());
        Assert.Equal("editor", correction.GetProperty("correctedBy").GetString());
        Assert.Equal("The bridge reopens on Monday, not Sunday.", correction.GetProperty("note").GetString());
        Assert.Equal(2, article.GetProperty("revisionNumber").GetInt32());
        Assert.True(list.GetProperty("items")[0].GetProperty("corrected").GetBoolean());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpoint()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).JsonAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/articles", "/api/articles/{slug}", "/api/outlets", "/api/outlets/{slug}", "/api/search"], paths.Order());
        var list = document.GetProperty("paths").GetProperty("/api/articles").GetProperty("get");
        Assert.Equal(["page", "pageSize", "outlet", "from", "to"], list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var parameters = list.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        Assert.Equal("integer", parameters["page"].GetProperty("type").GetString());
        Assert.Equal(100, parameters["pageSize"].GetProperty("maximum").GetInt32());
        Assert.Equal("date", parameters["from"].GetProperty("format").GetString());
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(list.GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task ApiReferencePage_RendersTheDocumentWithoutScripts()
    {
        var (response, page) = await _app.GetPageAsync("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["GET /api/articles", "GET /api/articles/{slug}", "GET /api/outlets", "GET /api/outlets/{slug}", "GET /api/search"],
            page.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.Contains("pageSize", page.QuerySelector("#get-api-articles")!.ParentElement!.QuerySelector("table.api-parameters")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Equal("/api/docs", (await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api")).Headers.Location!.OriginalString);
    }

    /// <summary>A re-ingested text waiting for an editor: never shown to readers, so never listed by the API.</summary>
    private async Task AddPendingRevisionAsync(int number)
    {
        await using var c = await _app.Services.GetRequiredService<Db>().OpenAsync();
        await c.ExecuteAsync("""
            INSERT INTO article_revisions (article_id, number, origin, status, title, body_markdown, body_html, body_text, created_at, created_by)
            SELECT id, @number, 'ingest', 'pending', title, 'Corrected.', '<p>Corrected.</p>', 'Corrected.', @at, NULL FROM articles WHERE slug = @slug
            """, new { number, slug = Slug, at = DateTimeOffset.UtcNow.AddSeconds(number).ToString("O") });
    }
}
