using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NewsReader.Api;

public static class ApiExtensions
{
    public const string CorsPolicy = "newsreader-read";

    /// <summary>The read-only JSON API: problem details, OpenAPI, the anonymous rate limit and opt-in CORS.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section));
        services.AddOptions<ApiCorsOptions>().Bind(builder.Configuration.GetSection(ApiCorsOptions.Section));
        services.TryAddSingleton<ContentStamp>();
        services.TryAddSingleton<IArticleCorrections, RevisionCorrections>();
        services.AddProblemDetails();
        services.AddRateLimiter(ApiRateLimit.Configure);

        // With no origins configured the policy allows none, so browsers on other sites cannot read the API.
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiCorsOptions>>((cors, api) => cors.AddPolicy(CorsPolicy, policy =>
        {
            if (api.Value.AllowedOrigins.Length > 0)
            {
                policy.WithOrigins(api.Value.AllowedOrigins).WithMethods("GET").AllowAnyHeader()
                    .WithExposedHeaders("ETag", "Last-Modified", "Retry-After");
            }
        }));

        services.AddOpenApi(options =>
        {
            options.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "NewsReader API";
                document.Info.Description = "Read-only JSON for the articles and outlets of this NewsReader. Errors are RFC 9457 problem documents.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        // API errors without a body (unknown route, wrong method) become problem documents instead of the HTML not-found page.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePages());
        app.UseCors();
        app.UseRateLimiter();
        app.MapOpenApi();

        var api = app.MapApiGroup();
        api.MapGet("/", () => TypedResults.Redirect("/api/docs")).ExcludeFromDescription();
        api.MapArticleEndpoints();
        api.MapOutletEndpoints();
        return app;
    }

    /// <summary>
    /// The /api route group with the API's conventions: anonymous rate limit, CORS policy, ETag/304 on JSON results.
    /// Other areas add their endpoints through it (e.g. search's /api/search).
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api")
            .RequireRateLimiting(ApiRateLimit.Policy)
            .RequireCors(CorsPolicy)
            .AddEndpointFilter<ConditionalJsonFilter>()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithTags("API");
}
