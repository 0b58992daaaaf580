using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsReader.Seo;

/// <summary>
/// The sitemaps.org XML: a urlset of pages, or an index of sitemap files. Written element by element: a file holds up
/// to 50,000 URLs, and building them as an XElement tree first cost as much time and memory as the XML itself.
/// </summary>
public static class SitemapXml
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static byte[] UrlSet(string site, IEnumerable<SitemapEntry> entries) =>
        Write("urlset", "url", entries.Select(e => (site + e.Path, SiteUrls.ParseStoredDate(e.LastModified))));

    public static byte[] Index(string site, int files, DateTimeOffset? lastModified) =>
        Write("sitemapindex", "sitemap", Enumerable.Range(1, files).Select(n => ($"{site}/sitemap-{n}.xml", lastModified)));

    private static byte[] Write(string root, string item, IEnumerable<(string Loc, DateTimeOffset? LastModified)> items)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root, Ns);
            foreach (var (loc, lastModified) in items)
            {
                writer.WriteStartElement(item, Ns);
                writer.WriteElementString("loc", Ns, loc);
                if (lastModified is { } v)
                {
                    // W3C Datetime, as the protocol asks.
                    writer.WriteElementString("lastmod", Ns, v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
