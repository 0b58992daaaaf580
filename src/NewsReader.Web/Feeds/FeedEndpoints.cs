using System.ComponentModel;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using NewsReader.Api;
using NewsReader.Articles;
using NewsReader.Seo;
using NewsReader.Sources;

namespace NewsReader.Feeds;

/// <summary>The feed addresses: newest, per outlet, and search results.</summary>
public static class FeedEndpoints
{
    public static RouteGroupBuilder MapFeedEndpoints(this RouteGroupBuilder app)
    {
        app.MapGet("/feed", (HttpContext http, FeedStore store, ContentStamp stamp, string? format, string? content, CancellationToken ct) =>
            NewestAsync(http, store, stamp, format, content, ct));
        app.MapGet("/feed/rss", (HttpContext http, FeedStore store, ContentStamp stamp, string? content, CancellationToken ct) =>
            NewestAsync(http, store, stamp, "rss", content, ct));
        app.MapGet("/sources/{slug}/feed", OutletAsync);
        app.MapGet("/search/feed", SearchAsync);
        return app;
    }

    private static async Task<IResult> NewestAsync(HttpContext http, FeedStore store, ContentStamp stamp, string? format, string? content, CancellationToken ct)
    {
        if (FeedOptions.Parse(format, content) is not { } options)
        {
            return FeedOptions.Invalid;
        }

        var site = SiteUrls.Base(http.Request);
        var document = new FeedDocument($"{site}/feed", "NewsReader: latest articles", "The newest articles in this NewsReader.",
            http.Request.GetEncodedUrl(), $"{site}/", await store.NewestAsync(null, ct));
        return await RespondAsync(http, stamp, document, options, ct);
    }

    private static async Task<IResult> OutletAsync(
        HttpContext http, FeedStore store, SourceStore sources, ContentStamp stamp, string slug,
        [FromQuery] string? format, [FromQuery] string? content, CancellationToken ct)
    {
        if (FeedOptions.Parse(format, content) is not { } options)
        {
            return FeedOptions.Invalid;
        }

        var outlet = await sources.FindAsync(slug, ct);
        if (outlet is null)
        {
            return ApiProblems.NotFound($"There is no outlet '{slug}'.");
        }

        var page = SiteUrls.Outlet(http.Request, outlet.Slug);
        var document = new FeedDocument($"{page}/feed", $"{outlet.Name} · NewsReader", $"The newest articles from {outlet.Name}.",
            http.Request.GetEncodedUrl(), page, await store.NewestAsync(outlet.Slug, ct));
        return await RespondAsync(http, stamp, document, options, ct);
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, FeedStore store, IFeedSearch search, ContentStamp stamp,
        [FromQuery, Description("The search words.")] string? q,
        [FromQuery] string? format, [FromQuery] string? content, CancellationToken ct)
    {
        if (FeedOptions.Parse(format, content) is not { } options)
        {
            return FeedOptions.Invalid;
        }

        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblems.BadRequest("Give the search words as q, e.g. /search/feed?q=election.");
        }

        var query = q.Trim();
        var site = SiteUrls.Base(http.Request);
        var escaped = Uri.EscapeDataString(query);
        if (await search.SearchAsync(query, FeedStore.MaxEntries, ct) is not { } ids)
        {
            return ApiProblems.SearchTooSlow(http);
        }

        var document = new FeedDocument($"{site}/search/feed?q={escaped}", $"Search: {query} · NewsReader", $"Articles matching “{query}”.",
            http.Request.GetEncodedUrl(), $"{site}/search?q={escaped}", await store.ByIdsAsync(ids, ct));
        return await RespondAsync(http, stamp, document, options, ct);
    }

    private static async Task<IResult> RespondAsync(HttpContext http, ContentStamp stamp, FeedDocument document, FeedOptions options, CancellationToken ct)
    {
        // Feeds are read away from the site: the article's own pictures (/media/…) need its whole address there.
        var site = SiteUrls.Base(http.Request);
        document = document with { Articles = [.. document.Articles.Select(a => a with { BodyHtml = ArticleImages.WithAbsoluteSources(a.BodyHtml, site) })] };
        var body = FeedWriter.Write(document, options.Format, options.FullText, slug => SiteUrls.Article(http.Request, slug));
        return ConditionalGet.Respond(http, body, FeedWriter.ContentType(options.Format), await stamp.LastChangedAsync(ct));
    }
}
