using System.Text.RegularExpressions;

namespace NewsReader.Performance;

/// <summary>
/// The anonymous, read-only pages whose HTML may be shared between readers: cached, revalidated with ETag, compressed
/// over HTTPS. They hold no POST forms (a cached page cannot carry a reader's own antiforgery token); a page with one
/// must live at another path, e.g. /articles/{slug}/report.
/// </summary>
public static partial class ReadingPages
{
    public static bool Matches(PathString path) => path.Value is { } p && ReadingPath().IsMatch(p);

    /// <summary>
    /// A GET for a reading page from a reader who is not signed in: no Authorization header and no cookie other than the
    /// antiforgery one. A signed-in editor's pages differ (links to admin actions) and never come from, or go into, the cache.
    /// </summary>
    public static bool IsAnonymousRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Authorization.Count == 0
        && request.Cookies.Keys.All(name => name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
        && Matches(request.Path);

    [GeneratedRegex("""^/(?:|articles/[^/]+(?:/source)?|sources(?:/[^/]+)?|search|corrections)/?$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadingPath();
}
