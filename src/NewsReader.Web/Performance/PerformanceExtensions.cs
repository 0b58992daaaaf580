using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsReader.Performance;

public static class PerformanceExtensions
{
    /// <summary>Response compression, the output cache of reading pages and its invalidation on ingestion.</summary>
    public static IHostApplicationBuilder AddPerformance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            // Off for HTTPS by default (BREACH: pages with antiforgery tokens); UsePerformance turns it on for the shared reading pages.
            o.EnableForHttps = false;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "application/rss+xml", "application/problem+json"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        builder.Services.AddOutputCache(o =>
        {
            // Bounded so a crawl over 100,000 articles cannot grow the process without limit; least recently used entries go first.
            o.SizeLimit = 64 * 1024 * 1024;
            o.AddBasePolicy(b => b
                .With(c => ReadingPages.IsSharedRead(c.HttpContext.Request))
                .Tag(ReadingCache.Tag)
                // A page rendered from the store just before a change was committed would otherwise be stored after the
                // change's eviction ran and served stale until it expired; keyed by the version the request began under, it
                // is never served once the version moved on.
                .VaryByValue(c => new("content", c.RequestServices.GetRequiredService<ContentVersion>().Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Expire(TimeSpan.FromMinutes(10)));
        });
        builder.Services.AddSingleton<ReadingCache>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ContentVersion>();
        ReadingAntiforgery.Decorate(builder.Services);
        builder.Services.AddHostedService<ReadingCacheInvalidator>();
        return builder;
    }

    /// <summary>Must come before the reading pages are mapped: compression and caching wrap everything after them.</summary>
    public static WebApplication UsePerformance(this WebApplication app)
    {
        app.UseResponseCompression();
        app.Use(CompressReadingPagesOverHttps);
        app.UseMiddleware<ConditionalGet>();
        app.UseOutputCache();
        return app;
    }

    private static Task CompressReadingPagesOverHttps(HttpContext context, RequestDelegate next)
    {
        if (context.Request.IsHttps && ReadingPages.IsShared(context.Request.Path) && context.Features.Get<IHttpsCompressionFeature>() is { } feature)
        {
            feature.Mode = HttpsCompressionMode.Compress;
        }

        return next(context);
    }
}
