using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Seo;
using NewsReader.Sources;

namespace NewsReader.Api;

/// <summary>GET /api/outlets and GET /api/outlets/{slug}.</summary>
public static class OutletEndpoints
{
    public static RouteGroupBuilder MapOutletEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/outlets", ListAsync)
            .WithName("ListOutlets")
            .WithSummary("Every outlet with its article count and date range, by name");
        api.MapGet("/outlets/{slug}", GetAsync)
            .WithName("GetOutlet")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One outlet");
        return api;
    }

    private static async Task<Ok<OutletList>> ListAsync(HttpContext http, SourceStore sources, ContentStamp stamp, CancellationToken ct)
    {
        var outlets = await sources.ListAsync(ct);
        return TypedResults.Ok(new OutletList
        {
            Items = outlets.Select(o => Resource(http.Request, o, null)).ToList(),
            LastModified = await stamp.LastChangedAsync(ct),
        });
    }

    private static async Task<Results<Ok<OutletResource>, ProblemHttpResult>> GetAsync(
        HttpContext http,
        SourceStore sources,
        ContentStamp stamp,
        [Description("The outlet's slug, as in its page address /sources/{slug}.")] string slug,
        CancellationToken ct)
    {
        var outlet = await sources.FindAsync(slug, ct);
        return outlet is null
            ? ApiProblems.NotFound($"There is no outlet '{slug}'. GET /api/outlets lists them.")
            : TypedResults.Ok(Resource(http.Request, outlet, await stamp.LastChangedAsync(ct)));
    }

    private static OutletResource Resource(HttpRequest request, OutletSummary o, DateTimeOffset? lastModified) => new()
    {
        Slug = o.Slug,
        Name = o.Name,
        Url = SiteUrls.Outlet(request, o.Slug),
        ArticlesUrl = $"{SiteUrls.Base(request)}/api/articles?outlet={Uri.EscapeDataString(o.Slug)}",
        FeedUrl = $"{SiteUrls.Outlet(request, o.Slug)}/feed",
        ArticleCount = o.ArticleCount,
        FirstPublished = o.FirstPublished,
        LastPublished = o.LastPublished,
        LastModified = lastModified,
    };
}
