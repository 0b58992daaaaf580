using Microsoft.Extensions.Options;
using NewsReader.Api;

namespace NewsReader.Seo;

/// <summary>/sitemap.xml (an index of /sitemap-{n}.xml once the site outgrows one file) and /robots.txt.</summary>
public static class SeoEndpoints
{
    private const string XmlType = "application/xml; charset=utf-8";

    public static IEndpointRouteBuilder MapSeoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", SitemapAsync);
        app.MapGet("/sitemap-{n:int}.xml", SitemapFileAsync);
        app.MapGet("/robots.txt", (HttpContext http) => TypedResults.Text(RobotsTxt(SiteUrls.Base(http.Request)), "text/plain; charset=utf-8"));
        return app;
    }

    public static string RobotsTxt(string site) => $"""
        User-agent: *
        Disallow: /admin

        Sitemap: {site}/sitemap.xml

        """;

    private static async Task<IResult> SitemapAsync(HttpContext http, SitemapStore store, ContentStamp stamp, IOptions<SitemapOptions> options, CancellationToken ct)
    {
        var perFile = options.Value.EffectiveUrlsPerFile;
        var total = await store.CountAsync(ct);
        var site = SiteUrls.Base(http.Request);
        var lastModified = await stamp.LastChangedAsync(ct);
        var body = total <= perFile
            ? SitemapXml.UrlSet(site, await store.SliceAsync(0, perFile, ct))
            : SitemapXml.Index(site, FileCount(total, perFile), lastModified);
        return ConditionalGet.Respond(http, body, XmlType, lastModified);
    }

    private static async Task<IResult> SitemapFileAsync(HttpContext http, int n, SitemapStore store, ContentStamp stamp, IOptions<SitemapOptions> options, CancellationToken ct)
    {
        var perFile = options.Value.EffectiveUrlsPerFile;
        var total = await store.CountAsync(ct);
        if (n < 1 || n > FileCount(total, perFile))
        {
            return TypedResults.NotFound();
        }

        var body = SitemapXml.UrlSet(SiteUrls.Base(http.Request), await store.SliceAsync((long)(n - 1) * perFile, perFile, ct));
        return ConditionalGet.Respond(http, body, XmlType, await stamp.LastChangedAsync(ct));
    }

    private static int FileCount(long total, int perFile) => (int)Math.Max(1, (total + perFile - 1) / perFile);
}
