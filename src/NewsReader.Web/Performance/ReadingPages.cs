using System.Text.RegularExpressions;

namespace NewsReader.Performance;

/// <summary>
/// The anonymous, read-only pages. Shared pages hold no POST form, so one rendering serves every reader: output-cached,
/// no antiforgery cookie. (That is why readers' "Report an error" form has a page of its own, not a place on the article.)
/// </summary>
public static partial class ReadingPages
{
    /// <summary>Read-only pages one rendering of which serves every anonymous reader.</summary>
    public static bool IsShared(PathString path) => path.Value is { } p && SharedPath().IsMatch(p);

    /// <summary>
    /// A GET from a reader who is not signed in: no Authorization header and no cookie other than the antiforgery one.
    /// A signed-in editor's pages differ (links to admin actions) and never come from, or go into, the cache.
    /// </summary>
    public static bool IsAnonymousGet(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Authorization.Count == 0
        && request.Cookies.Keys.All(name => name.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));

    public static bool IsSharedRead(HttpRequest request) => IsShared(request.Path) && IsAnonymousGet(request);

    [GeneratedRegex("""^/(?:|articles/[^/]+|articles/[^/]+/source|sources(?:/[^/]+)?|search|corrections)/?$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SharedPath();
}
