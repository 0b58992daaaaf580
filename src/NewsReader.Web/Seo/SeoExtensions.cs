using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsReader.Api;

namespace NewsReader.Seo;

public static class SeoExtensions
{
    /// <summary>What search engines read: the sitemap and robots.txt (canonical links are the CanonicalLink component).</summary>
    public static IHostApplicationBuilder AddSeo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SitemapOptions>().Bind(builder.Configuration.GetSection(SitemapOptions.Section));
        builder.Services.TryAddSingleton<SitemapStore>();
        builder.Services.TryAddSingleton<ContentStamp>();
        return builder;
    }

    public static WebApplication MapSeo(this WebApplication app)
    {
        app.MapSeoEndpoints();
        return app;
    }
}
