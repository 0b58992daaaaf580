using Microsoft.AspNetCore.Http.HttpResults;
using NewsReader.Api;

namespace NewsReader.Search;

/// <summary><c>GET /api/search</c>: the search page's results as JSON; a query it had to repair is a 400 problem.</summary>
public static class SearchApi
{
    public sealed record ResultJson(string Slug, string Title, string? Outlet, string? Published, string Snippet, string Url, bool Corrected);

    /// <summary>Total is exact unless TotalIsLowerBound: then at least that many articles match.</summary>
    public sealed record ResponseJson(string Query, string Sort, int Total, bool TotalIsLowerBound, int Page, int PageSize, int PageCount, IReadOnlyList<ResultJson> Results);

    public static async Task<Results<Ok<ResponseJson>, ProblemHttpResult>> GetAsync(
        HttpContext http, string? q, string? outlet, string? from, string? to, string? sort, string? page, SearchStore store, CancellationToken ct)
    {
        var request = new SearchRequest(q, outlet, from, to, sort, page);
        var query = request.Parse();
        if (query.IsEmpty)
        {
            return Problem("Nothing to search for.", "Give the words to look for in the q parameter, for example /api/search?q=election.", []);
        }

        if (query.Problems.Count > 0)
        {
            return Problem("The search could not be understood as written.", string.Join(" ", query.Problems), query.Problems);
        }

        var results = await store.SearchAsync(query, request.SortOrder, request.PageNumber, ct);
        if (results.OverBudget)
        {
            return ApiProblems.SearchTooSlow(http);
        }

        if (results.Query.Problems.Count > 0)
        {
            return Problem("The search could not be run.", string.Join(" ", results.Query.Problems), results.Query.Problems);
        }

        var items = results.Hits
            .Select(h => new ResultJson(h.Slug, h.Title, h.OutletName, h.PublishedAt, h.SnippetHtml, $"/articles/{h.Slug}", h.Corrected))
            .ToList();
        return TypedResults.Ok(new ResponseJson(query.Text, request.SortOrder.ToString().ToLowerInvariant(), results.ShownTotal, results.TotalIsLowerBound, results.Page,
            SearchResults.PageSize, results.PageCount, items));
    }

    private static ProblemHttpResult Problem(string title, string detail, IReadOnlyList<string> problems) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title,
            extensions: new Dictionary<string, object?> { ["problems"] = problems });
}
