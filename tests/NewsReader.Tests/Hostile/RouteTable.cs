namespace NewsReader.Tests.Hostile;

/// <summary>Every route of the app, with the slugs of <see cref="SeedAsync"/>'s article, and the query parameters they read.</summary>
public static class RouteTable
{
    public const string ArticleSlug = "harbour-minister-resigns-over-ferry-contract";
    public const string OutletSlug = "harbour-gazette";

    public static readonly string[] Routes =
    [
        "/", "/sources", $"/sources/{OutletSlug}", $"/sources/{OutletSlug}/feed", "/search", "/search/feed", "/corrections", "/corrections/feed",
        $"/articles/{ArticleSlug}", $"/articles/{ArticleSlug}/source", $"/articles/{ArticleSlug}/changes", $"/articles/{ArticleSlug}/report",
        "/feed", "/feed/rss", "/sitemap.xml", "/sitemap-1.xml", "/robots.txt", "/not-found", "/api", "/api/docs", "/api/articles",
        $"/api/articles/{ArticleSlug}", "/api/outlets", $"/api/outlets/{OutletSlug}", "/api/search", "/admin", "/admin/login", "/admin/users",
        "/admin/audit", "/admin/reports", "/admin/pending", "/admin/corrections", "/admin/corrections/1", $"/admin/articles/{ArticleSlug}/correct",
    ];

    public static readonly string[] Parameters =
        ["page", "pageSize", "q", "outlet", "from", "to", "sort", "status", "format", "content", "ReturnUrl", "failed", "signedOut", "report", "saved"];

    /// <summary>Values a careless or hostile client sends, already URL-encoded.</summary>
    public static readonly string[] BadValues =
    [
        "99999999999", "2147483648", "2147483647", "-1", "0", "-2147483649", "abc", "1.5", "1e3", "0x10", "%EF%BC%93", "",
        "%00", "%0B", "%0D%0A", "%C2%9D", "%E3%80%80", "%FF%FE", "%ED%A0%80", "%22%27%3C%3E", "..%2F..%2Fetc%2Fpasswd",
        "9999-99-99", "0001-01-01", new string('x', 10_240), Uri.EscapeDataString(new string('é', 3_000)),
    ];
}
