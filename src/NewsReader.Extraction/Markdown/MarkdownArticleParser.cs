using Markdig;
using Markdig.Syntax;
using NewsReader.Extraction.Html;

namespace NewsReader.Extraction.Markdown;

/// <summary>
/// A Markdown article (.md): YAML front matter for the metadata, the rest kept as Markdown. Raw HTML in it is stored
/// as written and made harmless when rendered (the app's BodyRenderer disables HTML and sanitizes).
/// Without a title field, the first heading is the title and is not repeated in the body; a byline or date line under
/// it fills the metadata the front matter lacks, and trailing "Related" or share lists of links are dropped.
/// </summary>
public sealed class MarkdownArticleParser : IArticleParser
{
    public string Format => "markdown";

    public string Version => "markdown/1";

    public bool CanParse(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".md";

    public ParsedArticle Parse(ReadOnlySpan<byte> content, string path)
    {
        if (content.IsEmpty)
        {
            throw new ArticleRejectedException("File is empty.");
        }

        if (TextDecoder.LooksBinary(content))
        {
            throw new ArticleRejectedException("File looks binary, not Markdown.");
        }

        var warnings = new List<string>();
        var (text, decodeWarning) = TextDecoder.Decode(content);
        if (decodeWarning is not null)
        {
            warnings.Add(decodeWarning);
        }

        var (front, body) = FrontMatter.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal), warnings);
        // The title heading, the byline under it and the trailing link lists are found on one parse, cut from the text
        // last first (so each span still points into it), and the rest parsed once more for its paragraphs.
        var blocks = MarkdownBlocks.Parse(body).Where(b => b is not LinkReferenceDefinitionGroup).ToList();
        var first = 0;
        var title = front.Title;
        HeadingBlock? heading = null;
        if (blocks.FirstOrDefault() is HeadingBlock leading && (title is null || string.Equals(Plain(leading), title, StringComparison.OrdinalIgnoreCase)))
        {
            title ??= Plain(leading);
            heading = leading;
            first++;
        }

        var byline = front.Authors.Count == 0 || front.Published is null ? MarkdownFurniture.BylineOf(blocks.ElementAtOrDefault(first), front.Site) : null;
        if (byline is not null)
        {
            first++;
        }

        var dropped = new List<string>();
        if (MarkdownFurniture.TrailingLinks(blocks[Math.Min(first, blocks.Count)..]) is { } tail)
        {
            body = body[..tail.Start];
            dropped.AddRange(tail.Dropped);
        }

        body = Cut(Cut(body, byline?.Span), heading?.Span);
        var document = MarkdownBlocks.Parse(body);
        var paragraphs = MarkdownBlocks.PlainBlocks(document);
        if (paragraphs.Count == 0)
        {
            throw new ArticleRejectedException("No article text after the front matter and title.");
        }

        if (title is null)
        {
            title = Path.GetFileNameWithoutExtension(path);
            warnings.Add("No title in the front matter and no heading; the file name stands in.");
        }

        return new ParsedArticle
        {
            Format = Format,
            Title = title,
            Site = front.Site,
            Authors = AuthorNames.Clean(front.Authors.Count > 0 ? front.Authors : byline?.Byline.Authors, front.Site),
            Published = front.Published ?? byline?.Byline.Published,
            Updated = front.Updated,
            CanonicalUrl = Uri.TryCreate(front.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url.AbsoluteUri : null,
            Language = front.Language,
            Body = paragraphs,
            BodyMarkdown = body.Trim(),
            Dropped = byline is { Line: var line } ? [line, .. dropped] : dropped,
            Warnings = warnings,
        };
    }

    private static string Cut(string text, SourceSpan? span) =>
        span is { } s ? text.Remove(s.Start, Math.Min(s.Length, text.Length - s.Start)) : text;

    private static string Plain(HeadingBlock heading) => MarkdownBlocks.InlineText(heading.Inline);
}
