using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NewsReader.Seo;

/// <summary>The sitemaps.org XML: a urlset of pages, or an index of sitemap files.</summary>
public static class SitemapXml
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static byte[] UrlSet(string site, IEnumerable<SitemapEntry> entries) =>
        Write(new XElement(Ns + "urlset", entries.Select(e =>
            new XElement(Ns + "url", new XElement(Ns + "loc", site + e.Path), LastMod(e.LastModified)))));

    public static byte[] Index(string site, int files, DateTimeOffset? lastModified) =>
        Write(new XElement(Ns + "sitemapindex", Enumerable.Range(1, files).Select(n =>
            new XElement(Ns + "sitemap", new XElement(Ns + "loc", $"{site}/sitemap-{n}.xml"), LastMod(lastModified)))));

    private static XElement? LastMod(string? stored) => LastMod(SiteUrls.ParseStoredDate(stored));

    // W3C Datetime, as the protocol asks.
    private static XElement? LastMod(DateTimeOffset? value) =>
        value is { } v ? new XElement(Ns + "lastmod", v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)) : null;

    private static byte[] Write(XElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        return stream.ToArray();
    }
}
