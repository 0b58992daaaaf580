namespace NewsReader.Seo;

/// <summary>The "NewsReader:Sitemap" configuration section.</summary>
public sealed class SitemapOptions
{
    public const string Section = "NewsReader:Sitemap";

    /// <summary>The sitemaps protocol allows at most 50,000 URLs per file; past that /sitemap.xml becomes an index.</summary>
    public const int ProtocolMaximum = 50_000;

    public int UrlsPerFile { get; set; } = ProtocolMaximum;

    public int EffectiveUrlsPerFile => Math.Clamp(UrlsPerFile, 1, ProtocolMaximum);
}
