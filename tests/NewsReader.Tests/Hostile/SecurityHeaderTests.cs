using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hostile;

public sealed class SecurityHeaderTests : IDisposable
{
    private readonly NewsReaderApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EveryRoute_SendsTheSecurityHeaders_AndNoHstsOverPlainHttp()
    {
        await _app.SeedAsync(("minister.txt", Seeds.TextArticle("Harbour minister resigns over ferry contract")));
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var route in RouteTable.Routes.Append("/app.css").Append("/no-such-page"))
        {
            var response = await client.GetAsync(route);

            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policies), $"{route} ({(int)response.StatusCode}) has no CSP");
            var csp = string.Join(";", policies);
            foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'" })
            {
                Assert.True(csp.Contains(directive, StringComparison.Ordinal), $"{route}: CSP lacks {directive}");
            }

            Assert.DoesNotContain("unsafe", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{route}: HSTS over plain HTTP");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/login")]
    [InlineData("/articles/harbour-minister-resigns-over-ferry-contract/source")]
    public async Task Pages_AddressEveryAssetFromTheRoot_AsBaseUriNoneAllowsNoBaseElement(string url)
    {
        await _app.SeedAsync(("minister.txt", Seeds.TextArticle("Harbour minister resigns over ferry contract")));

        var (_, page) = await _app.GetPageAsync(url);

        Assert.Empty(page.QuerySelectorAll("base"));
        Assert.All(page.QuerySelectorAll("link[href], script[src]"), e =>
            Assert.Matches("^(/|https?://)", e.GetAttribute("href") ?? e.GetAttribute("src")));
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }

    [Fact]
    public async Task OverHttps_SendsHsts()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TitleAndOutletPastTheirLimits_AreCutWithAWarning()
    {
        var title = string.Concat(Enumerable.Repeat("Harbour ", 2_500)).Trim();
        var outlet = string.Concat(Enumerable.Repeat("Gazette ", 100)).Trim();
        await _app.SeedAsync(("long.md", $"---\ntitle: {title}\nsite: {outlet}\n---\n\nThe council met on Tuesday to hear the harbour master's report on dredging.\n"));

        await using var c = new SqliteConnection($"Data Source={Path.Combine(_app.Root, "newsreader.db")};Pooling=False");
        var stored = await c.QuerySingleAsync<(string Title, string Outlet, string Warnings)>(
            "SELECT a.title, o.name, s.warnings_json FROM articles a JOIN outlets o ON o.id = a.outlet_id JOIN source_files s ON s.article_id = a.id");
        Assert.InRange(stored.Title.Length, 250, 301);
        Assert.InRange(stored.Outlet.Length, 150, 201);
        Assert.Contains("The title was 19,999 characters, over the 300 limit; it was cut.", stored.Warnings, StringComparison.Ordinal);
        Assert.Contains("The outlet name was 799 characters, over the 200 limit; it was cut.", stored.Warnings, StringComparison.Ordinal);
    }
}
