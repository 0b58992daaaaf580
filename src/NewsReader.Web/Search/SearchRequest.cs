using System.Globalization;

namespace NewsReader.Search;

/// <summary>The query-string parameters the search page and the API share: q, outlet, from, to, sort, page.</summary>
public sealed record SearchRequest(string? Q, string? Outlet, string? From, string? To, string? Sort, string? Page)
{
    public SearchQuery Parse() => SearchQueryParser.Parse(Q, Outlet, From, To);

    public SearchSort SortOrder => string.Equals(Sort, "date", StringComparison.OrdinalIgnoreCase) ? SearchSort.Date : SearchSort.Relevance;

    /// <summary>Any page number that is not a positive number means the first page.</summary>
    public int PageNumber => int.TryParse(Page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    /// <summary>The shareable URL of this search on another page (or in another order).</summary>
    public string Href(int page, SearchSort? sort = null)
    {
        var parts = new List<string>();
        Add("q", Q);
        Add("outlet", Outlet);
        Add("from", From);
        Add("to", To);
        if ((sort ?? SortOrder) == SearchSort.Date)
        {
            parts.Add("sort=date");
        }

        if (page > 1)
        {
            parts.Add($"page={page.ToString(CultureInfo.InvariantCulture)}");
        }

        return "/search" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Length > SearchQueryParser.MaxLength ? value[..SearchQueryParser.MaxLength] : value)}");
            }
        }
    }
}
