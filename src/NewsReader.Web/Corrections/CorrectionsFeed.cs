using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace NewsReader.Corrections;

/// <summary>The public corrections log as an Atom 1.0 feed, with absolute links and stable ids.</summary>
public static class CorrectionsFeed
{
    public const int Entries = 50;

    public static string Write(IReadOnlyList<CorrectionRecord> corrections, string baseUrl)
    {
        var feed = new SyndicationFeed("NewsReader corrections", "Every correction, clarification, update and editor's note, newest first.", new Uri($"{baseUrl}/corrections"))
        {
            Id = $"{baseUrl}/corrections",
            LastUpdatedTime = corrections.Count > 0 ? corrections.Max(Updated) : DateTimeOffset.UnixEpoch,
            Items = corrections.Select(c => Entry(c, baseUrl)).ToList(),
        };
        feed.Authors.Add(new SyndicationPerson { Name = "NewsReader" });
        feed.Links.Add(new SyndicationLink(new Uri($"{baseUrl}/corrections/feed"), "self", "NewsReader corrections", "application/atom+xml", 0));

        var sb = new StringBuilder();
        using (var writer = NewsReader.Security.SafeXmlWriter.Wrap(sb, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static SyndicationItem Entry(CorrectionRecord c, string baseUrl)
    {
        var link = new Uri($"{baseUrl}/articles/{Uri.EscapeDataString(c.ArticleSlug)}#correction-{c.Id}");
        var title = $"{c.KindValue.Label()}{(c.Withdrawn ? " (withdrawn)" : "")}: {c.ArticleTitle}";
        var item = new SyndicationItem(title, SyndicationContent.CreateHtmlContent(c.NoteHtml), link, $"{baseUrl}/corrections/{c.Id}", Updated(c))
        {
            PublishDate = Clock(c.PublishedAt),
        };
        if (c.OutletName is not null)
        {
            item.Categories.Add(new SyndicationCategory(c.OutletName));
        }

        return item;
    }

    private static DateTimeOffset Updated(CorrectionRecord c) => Clock(c.WithdrawnAt ?? c.EditedAt ?? c.PublishedAt);

    private static DateTimeOffset Clock(string iso) => Admin.Clock.Parse(iso);
}
