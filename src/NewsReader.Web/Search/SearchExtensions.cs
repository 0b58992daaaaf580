namespace NewsReader.Search;

public static class SearchExtensions
{
    /// <summary>Keyword search: the store over the full-text index (the index itself is migration 2).</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchStore>();
        return builder;
    }

    /// <summary>The JSON API; the /search page is a routed component found with the other pages.</summary>
    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapGet("/api/search", SearchApi.GetAsync).WithName("SearchApi");
        return app;
    }
}
