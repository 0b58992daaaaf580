using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsReader.Api;

namespace NewsReader.Feeds;

public static class FeedsExtensions
{
    /// <summary>Atom and RSS feeds of the newest articles, of each outlet, and of search results.</summary>
    public static IHostApplicationBuilder AddFeeds(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<FeedStore>();
        builder.Services.TryAddSingleton<ContentStamp>();
        return builder;
    }

    public static WebApplication MapFeeds(this WebApplication app)
    {
        app.MapGroup("").RequireCors(ApiExtensions.CorsPolicy).MapFeedEndpoints();
        return app;
    }
}
