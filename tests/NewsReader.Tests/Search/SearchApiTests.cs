using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Search;

namespace NewsReader.Tests.Search;

public sealed class SearchApiTests(SearchCorpusFixture corpus) : IClassFixture<SearchCorpusFixture>
{
    [Fact]
    public async Task Api_ReturnsTheSameResultsAsJson()
    {
        var response = await corpus.App.CreateClient().GetAsync("/api/search?q=lighthouse");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("lighthouse", json.GetProperty("query").GetString());
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("page").GetInt32());
        var first = json.GetProperty("results")[0];
        Assert.Equal("lighthouse-keepers-return-to-the-coast", first.GetProperty("slug").GetString());
        Assert.Equal("Lighthouse keepers return to the coast", first.GetProperty("title").GetString());
        Assert.Equal("Harbour Gazette", first.GetProperty("outlet").GetString());
        Assert.Equal("2024-03-03", first.GetProperty("published").GetString());
        Assert.Equal("/articles/lighthouse-keepers-return-to-the-coast", first.GetProperty("url").GetString());
        Assert.Contains("<mark>lighthouse</mark>", json.GetProperty("results")[1].GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Api_SnippetEncodesArticleMarkup()
    {
        var json = JsonDocument.Parse(await corpus.App.CreateClient().GetStringAsync("/api/search?q=zebra")).RootElement;

        var snippet = json.GetProperty("results")[0].GetProperty("snippet").GetString()!;
        Assert.Contains("<mark>zebra</mark>", snippet);
        Assert.Contains("&lt;script&gt;", snippet);
        Assert.DoesNotContain("<script>", snippet);
    }

    [Theory]
    [InlineData("\"unclosed phrase")]
    [InlineData("OR")]
    [InlineData("-")]
    [InlineData("!!! ???")]
    [InlineData("colour:red")]
    [InlineData("light\thouse")] // other control characters are removed at the door (Security/SafeInput), silently
    [InlineData("")]
    public async Task Api_BadQuery_IsA400ProblemNotA500(string q)
    {
        var response = await corpus.App.CreateClient().GetAsync("/api/search?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Api_TenThousandCharacterQuery_IsA400Problem()
    {
        var response = await corpus.App.CreateClient().GetAsync("/api/search?q=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("500 characters", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ArticleIds_ForOtherAreas_AreBestMatchFirstAndLimited()
    {
        var store = corpus.App.Services.GetRequiredService<SearchStore>();

        var ids = await store.ArticleIdsAsync("lighthouse", 10, CancellationToken.None);
        var one = await store.ArticleIdsAsync("lighthouse", 1, CancellationToken.None);
        var none = await store.ArticleIdsAsync("!!!", 10, CancellationToken.None);

        Assert.Equal(2, ids.Count);
        Assert.Equal([ids[0]], one);
        Assert.Empty(none);
        await using var c = await corpus.App.Services.GetRequiredService<NewsReader.Store.Db>().OpenAsync();
        var titleHit = await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT id FROM articles WHERE slug = 'lighthouse-keepers-return-to-the-coast'");
        Assert.Equal(titleHit, ids[0]);
    }
}
