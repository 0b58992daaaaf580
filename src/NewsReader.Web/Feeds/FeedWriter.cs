using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace NewsReader.Feeds;

public enum FeedFormat
{
    Atom,
    Rss,
}

/// <summary>A feed to write: what it is about, where it lives, and its entries.</summary>
public sealed record FeedDocument(string Id, string Title, string Description, string SelfUrl, string AlternateUrl, IReadOnlyList<FeedArticle> Articles);

/// <summary>Writes Atom 1.0 or RSS 2.0 through System.ServiceModel.Syndication, which does the escaping and date formats.</summary>
public static class FeedWriter
{
    private static readonly XmlQualifiedName XmlLang = new("lang", "http://www.w3.org/XML/1998/namespace");
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static string ContentType(FeedFormat format) =>
        format == FeedFormat.Atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";

    /// <param name="articleUrl">The absolute page address of an article from its slug; also the entry's id.</param>
    public static byte[] Write(FeedDocument document, FeedFormat format, bool fullText, Func<string, string> articleUrl)
    {
        // An empty feed still needs an updated date; the epoch keeps it (and so the ETag) stable.
        var updated = document.Articles.Count > 0 ? document.Articles.Max(a => a.Updated) : DateTimeOffset.UnixEpoch;
        var feed = new SyndicationFeed(document.Title, document.Description, new Uri(document.AlternateUrl), document.Id, updated)
        {
            Generator = "NewsReader",
            Language = "en",
            Items = document.Articles.Select(a => Entry(a, format, fullText, articleUrl(a.Slug))).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(document.SelfUrl), ContentType(format).Split(';')[0]));
        // Atom requires an author on every entry; the feed-level author covers entries without a byline.
        feed.Authors.Add(new SyndicationPerson { Name = "NewsReader" });

        using var stream = new MemoryStream();
        using (var writer = NewsReader.Security.SafeXmlWriter.Wrap(stream, Settings))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Atom ? new Atom10FeedFormatter(feed) : new Rss20FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        return stream.ToArray();
    }

    private static SyndicationItem Entry(FeedArticle article, FeedFormat format, bool fullText, string url)
    {
        var item = new SyndicationItem
        {
            Id = url,
            Title = new TextSyndicationContent(article.Title),
            PublishDate = article.Published,
            LastUpdatedTime = article.Updated,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url), "text/html"));
        if (article.Language is not null)
        {
            // The feed's own text is English; an article in another language says so on its entry.
            item.AttributeExtensions[XmlLang] = article.Language;
        }

        foreach (var author in article.Authors)
        {
            item.Authors.Add(new SyndicationPerson { Name = author });
        }

        if (article.OutletName is not null)
        {
            item.Categories.Add(new SyndicationCategory(article.OutletName));
        }

        // RSS has one text element (description), so full text goes there; Atom keeps the excerpt as summary beside the content.
        if (format == FeedFormat.Rss)
        {
            item.Summary = fullText ? new TextSyndicationContent(article.BodyHtml, TextSyndicationContentKind.Html) : new TextSyndicationContent(article.Excerpt);
        }
        else
        {
            item.Summary = new TextSyndicationContent(article.Excerpt);
            if (fullText)
            {
                item.Content = new TextSyndicationContent(article.BodyHtml, TextSyndicationContentKind.Html);
            }
        }

        return item;
    }
}
