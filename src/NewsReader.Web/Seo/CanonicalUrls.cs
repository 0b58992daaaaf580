using System.Globalization;

namespace NewsReader.Seo;

/// <summary>The canonical address of a page: its path without the query, except the page number of a paged list.</summary>
public static class CanonicalUrls
{
    public static string? For(HttpRequest request, int statusCode)
    {
        // Error pages have no canonical address; article pages declare their own (with their JSON-LD), and so does the
        // search page, whose address is its query.
        if (statusCode >= 400 || IsArticlePage(request.Path) || request.Path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var url = SiteUrls.Base(request) + request.Path.ToUriComponent();
        return int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 1
            ? $"{url}?page={page.ToString(CultureInfo.InvariantCulture)}"
            : url;
    }

    private static bool IsArticlePage(PathString path) =>
        path.Value is { } p && p.StartsWith("/articles/", StringComparison.Ordinal) && p.AsSpan("/articles/".Length).TrimEnd('/').IndexOf('/') < 0;
}
