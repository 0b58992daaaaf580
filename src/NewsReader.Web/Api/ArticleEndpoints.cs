using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NewsReader.Articles;
using NewsReader.Seo;
using NewsReader.Sources;

namespace NewsReader.Api;

/// <summary>GET /api/articles and GET /api/articles/{slug}.</summary>
public static class ArticleEndpoints
{
    public static RouteGroupBuilder MapArticleEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/articles", ListAsync)
            .WithName("ListArticles")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer(DescribeQueryTypes)
            .WithSummary("List articles, newest first")
            .WithDescription($"Paged. pageSize is 1 to {ArticleQuery.MaxPageSize} (default {ArticleQuery.DefaultPageSize}); a page past the end is empty. " +
                             "from and to are inclusive days (yyyy-MM-dd) on the published date; undated articles match no date filter.");
        api.MapGet("/articles/{slug}", GetAsync)
            .WithName("GetArticle")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One article with its body, revisions and corrections");
        return api;
    }

    private static async Task<Results<Ok<ArticlePage>, ProblemHttpResult>> ListAsync(
        HttpContext http,
        ArticleStore articles,
        SourceStore sources,
        ContentStamp stamp,
        [FromQuery, Description("Page number, from 1.")] string? page,
        [FromQuery, Description("Articles per page, 1 to 100; default 20.")] string? pageSize,
        [FromQuery, Description("Only articles from the outlet with this slug.")] string? outlet,
        [FromQuery, Description("Only articles published on or after this day (yyyy-MM-dd).")] string? from,
        [FromQuery, Description("Only articles published on or before this day (yyyy-MM-dd).")] string? to,
        CancellationToken ct)
    {
        var (query, error) = ArticleQuery.Parse(page, pageSize, outlet, from, to);
        if (query is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        if (query.Outlet is not null && await sources.FindAsync(query.Outlet, ct) is null)
        {
            return ApiProblems.NotFound($"There is no outlet '{query.Outlet}'. GET /api/outlets lists them.");
        }

        var list = await articles.ListAsync(query.Page, query.PageSize, query.Outlet, query.From, query.ToExclusive, ct);
        return TypedResults.Ok(new ArticlePage
        {
            Items = list.Items.Select(a => ListItem(http.Request, a)).ToList(),
            Page = list.Page,
            PageSize = list.PageSize,
            Total = list.Total,
            PageCount = list.PageCount,
            Next = list.Page < list.PageCount ? PageUrl(http.Request, query, list.Page + 1) : null,
            Previous = list.Page > 1 ? PageUrl(http.Request, query, Math.Min(list.Page - 1, list.PageCount)) : null,
            LastModified = await stamp.LastChangedAsync(ct),
        });
    }

    private static async Task<Results<Ok<ArticleResource>, ProblemHttpResult>> GetAsync(
        HttpContext http,
        ArticleStore articles,
        IArticleCorrections corrections,
        [Description("The article's slug, as in its page address /articles/{slug}.")] string slug,
        CancellationToken ct)
    {
        var article = await articles.FindBySlugAsync(slug, ct);
        if (article is null)
        {
            return ApiProblems.NotFound($"There is no article '{slug}'.");
        }

        // Pending revisions await an editor and are not published.
        var (_, history) = await articles.ProvenanceAsync(article.Id, ct);
        var revisions = history.Where(r => r.Status != "pending")
            .Select(r => new ApiRevision { Number = r.Number, Origin = r.Origin, Status = r.Status, Title = r.Title, CreatedAt = r.CreatedAt, CreatedBy = r.CreatedBy })
            .ToList();
        return TypedResults.Ok(new ArticleResource
        {
            Slug = article.Slug,
            Title = article.Title,
            Url = SiteUrls.Article(http.Request, article.Slug),
            Outlet = OutletOf(http.Request, article.OutletSlug, article.OutletName),
            Byline = article.Byline,
            Authors = article.Authors,
            Bureau = article.Bureau,
            PublishedAt = article.PublishedAt,
            UpdatedAt = article.UpdatedAt,
            SourceUrl = article.CanonicalUrl,
            Language = article.Language,
            Excerpt = article.Excerpt,
            WordCount = article.WordCount,
            RevisionNumber = article.RevisionNumber,
            BodyHtml = article.BodyHtml,
            Revisions = revisions,
            Corrections = await corrections.ForArticleAsync(article.Id, ct),
            LastModified = revisions.Select(r => SiteUrls.ParseStoredDate(r.CreatedAt)).Max() ?? SiteUrls.ParseStoredDate(article.CreatedAt),
        });
    }

    // The handler reads the query as text so it can word its own 400s; the document still states the real types.
    private static Task DescribeQueryTypes(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Schema = parameter.Name switch
            {
                "page" => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Default = JsonValue.Create(1) },
                "pageSize" => new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Minimum = "1",
                    Maximum = ArticleQuery.MaxPageSize.ToString(CultureInfo.InvariantCulture),
                    Default = JsonValue.Create(ArticleQuery.DefaultPageSize),
                },
                "from" or "to" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                _ => parameter.Schema,
            };
        }

        return Task.CompletedTask;
    }

    private static ArticleListItem ListItem(HttpRequest request, ArticleSummary a) => new()
    {
        Slug = a.Slug,
        Title = a.Title,
        Url = SiteUrls.Article(request, a.Slug),
        ApiUrl = $"{SiteUrls.Base(request)}/api/articles/{Uri.EscapeDataString(a.Slug)}",
        Outlet = OutletOf(request, a.OutletSlug, a.OutletName),
        Byline = a.Byline,
        PublishedAt = a.PublishedAt,
        Excerpt = a.Excerpt,
        WordCount = a.WordCount,
        Corrected = a.Corrected,
    };

    private static OutletRef? OutletOf(HttpRequest request, string? slug, string? name) =>
        slug is null || name is null ? null : new OutletRef(slug, name, SiteUrls.Outlet(request, slug));

    private static string PageUrl(HttpRequest request, ArticleQuery query, int page)
    {
        var args = new List<KeyValuePair<string, string?>> { new("page", page.ToString(CultureInfo.InvariantCulture)) };
        if (query.PageSize != ArticleQuery.DefaultPageSize)
        {
            args.Add(new("pageSize", query.PageSize.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var name in new[] { "outlet", "from", "to" })
        {
            if (request.Query[name] is { Count: > 0 } value && !string.IsNullOrWhiteSpace(value))
            {
                args.Add(new(name, value.ToString()));
            }
        }

        return $"{SiteUrls.Base(request)}/api/articles{QueryString.Create(args)}";
    }
}
