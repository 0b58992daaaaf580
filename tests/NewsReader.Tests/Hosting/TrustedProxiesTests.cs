using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates HTTPS, links must carry the public address; a client reaching the app directly
/// must not be able to claim one.
/// </summary>
public sealed class TrustedProxiesTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.1";

    private readonly NewsReaderApp _app = new(settings: new Dictionary<string, string?>
    {
        ["NewsReader:TrustedProxies:0"] = Proxy,
        ["NewsReader:Api:RateLimitPermits"] = "2",
    });

    public Task InitializeAsync() => _app.SeedShippedArticleAsync();

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FromTheTrustedProxy_TheForwardedSchemeAndHostMakeTheCanonicalLink()
    {
        var article = await GetAsync($"/articles/{Seeds.SeedSlug}", from: Proxy);

        Assert.Equal($"https://news.example.org/articles/{Seeds.SeedSlug}", Canonical(article));
    }

    [Fact]
    public async Task FromTheTrustedProxy_TheApiRateLimitCountsEachReader_NotTheProxy()
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(200, (await GetAsync("/api/outlets", from: Proxy, client: "203.0.113.7")).Response.StatusCode);
        }

        var third = await GetAsync("/api/outlets", from: Proxy, client: "203.0.113.7");
        var otherReader = await GetAsync("/api/outlets", from: Proxy, client: "203.0.113.8");

        Assert.Equal(429, third.Response.StatusCode);
        Assert.Equal(200, otherReader.Response.StatusCode);
    }

    [Fact]
    public async Task FromAnyOtherAddress_ForwardedHeadersAreIgnored()
    {
        var article = await GetAsync($"/articles/{Seeds.SeedSlug}", from: "10.0.0.2");

        Assert.Equal($"http://localhost/articles/{Seeds.SeedSlug}", Canonical(article));
    }

    [Fact]
    public void AnEntryThatIsNoAddress_StopsTheAppWithTheSettingNamed()
    {
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:TrustedProxies:0"] = "my-proxy" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("NewsReader:TrustedProxies: 'my-proxy' is neither an IP address nor a network", error.Message);
    }

    private Task<HttpContext> GetAsync(string path, string from, string client = "203.0.113.7") =>
        _app.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = path;
            c.Request.Host = new HostString("localhost");
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
            c.Request.Headers["X-Forwarded-For"] = client;
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-Host"] = "news.example.org";
        });

    private static string? Canonical(HttpContext context)
    {
        var html = new StreamReader(context.Response.Body).ReadToEnd();
        return new HtmlParser().ParseDocument(html).QuerySelector("link[rel=canonical]")?.GetAttribute("href");
    }
}
