using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Api;

public sealed class RateLimitAndCorsTests
{
    [Fact]
    public async Task AnonymousClient_PastTheLimit_Gets429WithRetryAfter()
    {
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?>
        {
            ["NewsReader:Api:RateLimitPermits"] = "3",
            ["NewsReader:Api:RateLimitWindow"] = "00:10:00",
        });
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/outlets")).StatusCode);
        }

        var limited = await client.GetAsync("/api/articles");
        var detail = await limited.AssertProblemAsync(429);
        var retryAfter = limited.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Contains("3 API requests", detail);
        // Pages and feeds are not part of the API limit.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feed")).StatusCode);
    }

    [Fact]
    public async Task ApiRejection_KeepsItsProblemDocument_WhenAnotherAreaSetsTheAppWideHandler()
    {
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?> { ["NewsReader:Api:RateLimitPermits"] = "1" });
        using var withOtherLimits = app.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.Configure<RateLimiterOptions>(o => o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers["X-Other-Handler"] = "1";
                return ValueTask.CompletedTask;
            })));
        var client = withOtherLimits.CreateClient();

        await client.GetAsync("/api/outlets");
        var limited = await client.GetAsync("/api/outlets");

        await limited.AssertProblemAsync(429);
        Assert.False(limited.Headers.Contains("X-Other-Handler"));
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task Cors_IsOffByDefault()
    {
        using var app = new NewsReaderApp();

        var response = await GetFromOriginAsync(app, "https://reader.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_AllowsOnlyConfiguredOrigins()
    {
        using var app = new NewsReaderApp(settings: new Dictionary<string, string?>
        {
            ["NewsReader:Cors:AllowedOrigins:0"] = "https://reader.example",
        });

        var allowed = await GetFromOriginAsync(app, "https://reader.example");
        var other = await GetFromOriginAsync(app, "https://elsewhere.example");

        Assert.Equal("https://reader.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<HttpResponseMessage> GetFromOriginAsync(NewsReaderApp app, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/outlets");
        request.Headers.Add("Origin", origin);
        return app.CreateClient().SendAsync(request);
    }
}
