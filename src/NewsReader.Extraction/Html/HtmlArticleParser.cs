using AngleSharp.Html.Parser;

namespace NewsReader.Extraction.Html;

/// <summary>
/// A saved news page (.html, .htm): metadata from JSON-LD, meta tags, microdata and the byline; the article text found by
/// content scoring and written as Markdown. Files over the size limit never get here:
/// <see cref="ParserRegistry"/> refuses them before reading.
/// </summary>
public sealed class HtmlArticleParser : IArticleParser
{
    private static readonly HtmlParserOptions Options = new() { IsScripting = false, IsKeepingSourceReferences = false, DisableElementPositionTracking = true, SkipComments = true };

    public string Format => "html";

    public string Version => "html/1";

    public bool CanParse(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".html" or ".htm";

    public ParsedArticle Parse(ReadOnlySpan<byte> content, string path)
    {
        if (content.IsEmpty)
        {
            throw new ArticleRejectedException("File is empty.");
        }

        if (TextDecoder.LooksBinary(content))
        {
            throw new ArticleRejectedException("File looks binary, not an HTML page.");
        }

        var warnings = new List<string>();
        var (html, decodeWarning) = HtmlCharset.Decode(content);
        if (decodeWarning is not null)
        {
            warnings.Add(decodeWarning);
        }

        var depth = NestingGuard.EstimateDepth(html);
        if (depth > NestingGuard.MaxDepth)
        {
            throw new ArticleRejectedException($"The page nests elements about {depth:N0} deep, over the {NestingGuard.MaxDepth:N0} limit; it is not a readable article.");
        }

        using var document = new HtmlParser(Options).ParseDocument(html);
        var meta = HtmlMetadata.From(PageSignals.Gather(document), warnings);
        if (document.Body is not { } body)
        {
            throw new ArticleRejectedException("The page has no body.");
        }

        var stats = PageStats.Measure(body);
        var writer = new BlockWriter(stats, meta.CanonicalUrl is null ? null : new Uri(meta.CanonicalUrl));
        writer.Write(ContentFinder.Find(body, stats));
        var (blocks, dropped, byline) = BodyCleaner.Clean(writer.Blocks, meta);
        meta = MetadataGuard.Read("visible byline", warnings, () => meta.WithVisibleByline(byline), meta);
        if (blocks.Count == 0)
        {
            throw new ArticleRejectedException("No article text found in the page.");
        }

        var title = meta.Title ?? blocks.FirstOrDefault(b => b.Kind == BlockKind.Heading)?.Text;
        if (title is null)
        {
            title = Path.GetFileNameWithoutExtension(path);
            warnings.Add("The page has no title; the file name stands in.");
        }

        if (meta.Site is null)
        {
            warnings.Add("No outlet found.");
        }

        if (meta.Published is null)
        {
            warnings.Add("No publication date found.");
        }

        return new ParsedArticle
        {
            Format = Format,
            Title = title,
            Site = meta.Site,
            Authors = meta.Authors,
            Bureau = meta.Bureau,
            Published = meta.Published,
            Updated = meta.Updated,
            CanonicalUrl = meta.CanonicalUrl,
            Language = meta.Language,
            Body = blocks.SelectMany(b => b.Kind == BlockKind.Table ? b.Text.Split('\n') : [b.Text]).ToList(),
            BodyMarkdown = string.Join("\n\n", blocks.Select(b => b.Markdown)),
            Dropped = [.. writer.Dropped, .. dropped],
            Warnings = warnings,
        };
    }
}
