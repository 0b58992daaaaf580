using Dapper;
using NewsReader.Articles;
using NewsReader.Store;

namespace NewsReader.Api;

/// <summary>The API's own reads: the article list filtered by outlet and dates.</summary>
public sealed class ApiStore(Db db)
{
    // Same order as the home page; the WHERE holds the filters given (ArticleFilter), values stay parameters.
    private static string ListSql(string where) => $"""
        SELECT {ArticleStore.SummaryColumns}
        FROM {ArticleFilter.PageOfIds(where)} JOIN articles a ON a.id = p.id LEFT JOIN outlets o ON o.id = a.outlet_id
        ORDER BY {ArticleStore.NewestFirst}
        """;

    public async Task<Paged<ArticleSummary>> ListAsync(ArticleQuery query, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var args = new { outlet = query.Outlet, from = query.From, before = query.ToExclusive, limit = query.PageSize, offset = query.Offset };
        var where = ArticleFilter.Where(args.outlet, args.from, args.before);
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(ArticleFilter.CountSql(where), args, cancellationToken: ct));
        var items = (await c.QueryAsync<ArticleSummary>(new CommandDefinition(ListSql(where), args, cancellationToken: ct))).AsList();
        return new Paged<ArticleSummary>(items, query.Page, query.PageSize, total);
    }
}
