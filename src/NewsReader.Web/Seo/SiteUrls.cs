using System.Globalization;

namespace NewsReader.Seo;

/// <summary>Absolute URLs from the request's own scheme and host, so feeds, sitemaps and API links work behind any name.</summary>
public static class SiteUrls
{
    public static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string Article(HttpRequest request, string slug) => $"{Base(request)}/articles/{Uri.EscapeDataString(slug)}";

    public static string Outlet(HttpRequest request, string slug) => $"{Base(request)}/sources/{Uri.EscapeDataString(slug)}";

    /// <summary>
    /// Stored dates are ISO 8601 in three shapes: a day ("2025-01-17"), a local time without offset, or a time with offset.
    /// Times without an offset are taken as UTC, which is the best a feed or header can say about them.
    /// </summary>
    public static DateTimeOffset? ParseStoredDate(string? iso) =>
        iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
