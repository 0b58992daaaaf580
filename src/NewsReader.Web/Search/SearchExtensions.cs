using Microsoft.AspNetCore.Server.Kestrel.Core;
using NewsReader.Api;
using NewsReader.Store;

namespace NewsReader.Search;

public static class SearchExtensions
{
    /// <summary>Keyword search: the store over the database's full-text index (the index itself is a migration).</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        builder.Services.AddSingleton(sp => IndexFor(sp.GetRequiredService<Db>().Provider));
        builder.Services.AddSingleton<SearchStore>();
        builder.Services.AddSingleton<Feeds.IFeedSearch, FeedSearch>();
        // A search pasted with 10,000 characters arrives as a GET URL far over Kestrel's 8 KB request-line limit, which
        // would answer a bare 414 before the app could explain; 96 KB lets it reach the page, which keeps the first
        // 500 characters and says so.
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = 96 * 1024);
        return builder;
    }

    /// <summary>The index each store searches with; nothing outside this folder needs to know which.</summary>
    public static ISearchIndex IndexFor(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? new Postgres.PostgresSearchIndex() : new Sqlite.SqliteSearchIndex();

    /// <summary>The JSON API; the /search page is a routed component found with the other pages.</summary>
    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapApiGroup().MapGet("/search", SearchApi.GetAsync).WithName("SearchApi");
        return app;
    }
}
