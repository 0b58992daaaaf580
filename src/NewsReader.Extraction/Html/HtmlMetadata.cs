using System.Buffers;
using NewsReader.Extraction.Text;

namespace NewsReader.Extraction.Html;

/// <summary>The article's metadata, decided from the page's signals in the order the best extractors trust them:
/// JSON-LD, then meta tags, then microdata and time elements, then the visible byline.</summary>
public sealed record HtmlMetadata
{
    public string? Title { get; init; }

    public string? Site { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Bureau { get; init; }

    public string? Published { get; init; }

    public string? Updated { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? Language { get; init; }

    /// <summary>The article's text as JSON-LD gives it (plain text), for pages whose markup hides it.</summary>
    public string? ArticleBody { get; init; }

    /// <summary>A recipe's ingredients from the page's JSON-LD.</summary>
    public IReadOnlyList<string> Ingredients { get; init; } = [];

    /// <summary>A recipe's steps from the page's JSON-LD.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>The page's own summary (og:description, twitter:description or description, the longest).</summary>
    public string? Description { get; init; }

    public static HtmlMetadata From(PageSignals page, List<string> warnings)
    {
        // Each field is read on its own: a failure in one (a byline the rules trip on) leaves the others and the body.
        var ld = MetadataGuard.Read("JSON-LD", warnings, () => JsonLd.Read(page.JsonLdBlocks, warnings), null);
        var canonical = MetadataGuard.Read("canonical URL", warnings,
            () => Absolute(page.Canonicals.FirstOrDefault()) ?? Absolute(page.FirstMeta("og:url")) ?? Absolute(ld?.Url), null);
        var host = canonical is null ? null : new Uri(canonical).Host;

        var (title, site) = MetadataGuard.Read("title and site", warnings, () => TitleAndSite(page, ld, host), (page.H1s.FirstOrDefault(), null));
        var firstByline = MetadataGuard.Read<(string Text, List<string> Names)?>("byline", warnings, page.FirstByline, null);
        var byline = firstByline is { } fb ? MetadataGuard.Read("byline", warnings, () => Bylines.Parse(fb.Text, site), null) : null;
        var authors = MetadataGuard.Read("authors", warnings, () => ReadAuthors(page, ld, site, firstByline, byline), []);

        var published = MetadataGuard.Read("publication date", warnings, () => FirstDate(
            [ld?.Published, page.FirstMeta("article:published_time", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date",
                "dcterms.date", "dcterms.created", "citation_publication_date", "citation_date", "og:published_time", "article.published",
                "publish-date", "publishdate", "pubdate", "date", "article:published", "datepublished"),
            page.FirstMicrodata("datePublished"), ld?.PageDate, .. page.Times, .. page.DateTexts, byline?.Published]), null);
        var updated = MetadataGuard.Read("update date", warnings, () => FirstDate(
            [ld?.Modified, page.FirstMeta("article:modified_time", "og:updated_time", "dc.date.modified", "dcterms.modified", "last-modified", "datemodified"),
            page.FirstMicrodata("dateModified"), byline?.Updated]), null);

        return new HtmlMetadata
        {
            Title = title,
            Site = site,
            Authors = authors,
            Bureau = string.IsNullOrWhiteSpace(byline?.Bureau) ? null : byline.Bureau,
            Published = published,
            Updated = updated,
            CanonicalUrl = canonical,
            Language = MetadataGuard.Read("language", warnings, () => ReadLanguage(page, ld), null),
            ArticleBody = ld?.ArticleBody,
            Ingredients = ld?.Ingredients ?? [],
            Steps = ld?.Steps ?? [],
            Description = page.AllMeta("og:description", "twitter:description", "description")
                .Select(d => string.Join(' ', d.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
                .MaxBy(d => d.Length) is { Length: > 0 } description ? description : null,
        };
    }

    private static (string? Title, string? Site) TitleAndSite(PageSignals page, JsonLdArticle? ld, string? host)
    {
        // A publisher the JSON-LD graph only references by @id is often the owning company; og:site_name names the site.
        var ogSite = page.FirstMeta("og:site_name");
        var site = First(
            ld is { PublisherByReference: true } ? ogSite : null,
            ld?.Publisher,
            ogSite,
            page.FirstMeta("application-name", "dc.publisher", "publisher", "citation_publisher"),
            page.FirstMicrodata("publisher"));

        var title = ChooseTitle(page, ld, site, host);
        if (site is null && page.TitleElement is { } titleElement && Titles.SplitOnHeading(titleElement, page.Headings) is { } split)
        {
            site = split.Site;
            title = Titles.Clean(split.Title, site, host);
        }

        site ??= Titles.SiteSuffix(page.TitleElement ?? page.FirstMeta("og:title"));

        // Named nowhere: the page's own address names it ("golf.de"), better than no outlet at all.
        site ??= host is null ? null : host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
        return (title, site);
    }

    private static List<string> ReadAuthors(PageSignals page, JsonLdArticle? ld, string? site, (string Text, List<string> Names)? firstByline, Byline? byline)
    {
        // A paper names its authors for scholarly indexes (citation_author); its JSON-LD and microdata often list the authors
        // of every work it cites as well.
        var authors = AuthorNames.Clean(page.AllMeta("citation_author"), site);
        if (authors.Count == 0)
        {
            authors = AuthorNames.Clean(ld?.Authors, site);
        }

        if (authors.Count == 0)
        {
            authors = AuthorNames.Clean(page.AllMeta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"), site);
        }

        if (authors.Count == 0 && page.Microdata.TryGetValue("author", out var microAuthors))
        {
            authors = AuthorNames.Clean(microAuthors, site);
        }

        if (authors.Count == 0)
        {
            authors = AuthorNames.Clean(page.RelAuthors, site);
        }

        if (authors.Count == 0 && firstByline is { Names.Count: > 0 } withNames)
        {
            authors = AuthorNames.Clean(withNames.Names, site);
        }

        if (authors.Count == 0 && byline is not null)
        {
            authors = AuthorNames.Clean(byline.Authors, site);
        }

        // A dateline often carries the byline too: "By Ruth Adair · 3 July 2025".
        if (authors.Count == 0 && page.DateTexts.FirstOrDefault(t => t.StartsWith("by ", StringComparison.OrdinalIgnoreCase)) is { } dateline
            && Bylines.Parse(dateline, site) is { } fromDateline)
        {
            authors = AuthorNames.Clean(fromDateline.Authors, site);
        }

        // Last, a Person named like the site: the owner of a personal site ("Wolfgang Schmale" on wolfgangschmale.eu).
        if (authors.Count == 0 && ld is { Persons: [_, ..] persons })
        {
            authors = AuthorNames.Clean(persons, null);
        }

        return authors;
    }

    /// <summary>Fills what the markup did not give from a byline line found above the article text.</summary>
    public HtmlMetadata WithVisibleByline(Byline? byline) => byline is null ? this : this with
    {
        Authors = Authors.Count > 0 ? Authors : AuthorNames.Clean(byline.Authors, Site),
        Published = Published ?? byline.Published,
        Updated = Updated ?? byline.Updated,
        Bureau = Bureau ?? (string.IsNullOrWhiteSpace(byline.Bureau) ? null : byline.Bureau),
    };

    private static string? ChooseTitle(PageSignals page, JsonLdArticle? ld, string? site, string? host)
    {
        var fromMeta = First(
            page.FirstMeta("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "citation_title", "headline"),
            page.FirstMicrodata("headline"));
        var candidates = new[] { ld?.Headline, fromMeta, page.TitleElement, page.H1s.FirstOrDefault() }
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => Titles.Clean(t!, site, host))
            .Where(t => t.Length > 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        // Publishers cut JSON-LD headlines to 110 characters for search engines; a fuller title that starts the same wins.
        var first = candidates[0];
        if (first.EndsWith('…') || first.EndsWith("...", StringComparison.Ordinal))
        {
            var stem = first.TrimEnd('…', '.').TrimEnd();
            return candidates.FirstOrDefault(c => c.Length > stem.Length && c.StartsWith(stem, StringComparison.Ordinal) && !c.EndsWith('…')) ?? first;
        }

        // "D.O.Ca. Rioja, Spanien - Iberische Weine in Berlin - Vinos Y Tapas": a page title that starts with the page's one
        // <h1> and goes on after a separator adds the section and site to the headline the page prints. (A kicker before a
        // colon stays: it is part of the headline.)
        if (ld?.Headline is null && page.H1s.Count == 1 && Titles.Clean(page.H1s[0], site, host) is { Length: >= MinHeadline } h1
            && first.Length > h1.Length && first.StartsWith(h1, StringComparison.Ordinal) && !Titles.IsSite(h1, site, host)
            && first[h1.Length..].TrimStart() is { Length: > 0 } rest && TitleSeparators.Contains(rest[0]))
        {
            return h1;
        }

        return first;
    }

    private const int MinHeadline = 10;

    private static readonly SearchValues<char> TitleSeparators = SearchValues.Create("-–—|·•›»");

    private static string? ReadLanguage(PageSignals page, JsonLdArticle? ld)
    {
        var raw = First(page.Lang, ld?.Language, page.FirstMeta("og:locale", "content-language", "language", "dc.language"));
        if (raw is null)
        {
            return null;
        }

        var lang = raw.Split(',')[0].Trim().Replace('_', '-');
        return lang.Length is >= 2 and <= 20 && lang.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? lang : null;
    }

    private static string? FirstDate(string?[] values)
    {
        foreach (var value in values)
        {
            if (NewsDates.Normalize(value) is { } iso)
            {
                return iso;
            }
        }

        return null;
    }

    private static string? First(params string?[] values) =>
        values.Select(v => v?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static string? Absolute(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}
