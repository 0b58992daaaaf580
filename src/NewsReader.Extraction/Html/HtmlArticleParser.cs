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

    // Less text than this after the first pass is worth a second, relaxed one.
    private const int MinArticleText = 250;
    private const int RetryBelowText = 1000;

    // A description shorter than this is a tagline, not a summary worth reading.
    private const int MinDescription = 80;
    private const int MinRepeatedText = 40;
    private const int MinShownText = 60;

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

        // The async overload only to pass the deadline: AngleSharp checks it as it reads (a string source never awaits).
        using var document = new HtmlParser(Options).ParseDocumentAsync(html, Limits.ParseBudget.Token).GetAwaiter().GetResult();
        var meta = HtmlMetadata.From(PageSignals.Gather(document), warnings);
        if (document.Body is not { } body)
        {
            throw new ArticleRejectedException("The page has no body.");
        }

        var found = Extract(body, meta, Strictness.Normal);

        // Readability's retry: the first pass's furniture rules may have removed the wrapper the article lives in.
        if (found.TextLength < RetryBelowText && Extract(body, meta, Strictness.Relaxed) is var retry && retry.TextLength > found.TextLength * 2)
        {
            found = retry;
        }

        if (meta.ArticleBody is { Length: >= MinArticleText } articleBody && found.TextLength < articleBody.Length / 2)
        {
            // The page's markup hides its text (an app shell, a script-filled body); its JSON-LD still carries it.
            found = FromArticleBody(articleBody);
        }

        // The page's summary leads the text when the text does not hold it and either the page found less than the summary
        // (a video, audio or gallery page: a player's labels, a sign-up line, nothing), or the page shows it above the
        // article in a header of its own (the standfirst). A summary only in the metadata, which readers never saw, does not.
        if (meta.Description is { Length: >= MinDescription } description && !Holds(found.Blocks, description)
            && (found.TextLength < description.Length || (found.Roots is [_, ..] roots && IsShownAboveOrWithin(body, roots, description))))
        {
            found = new Extraction([Paragraph(description), .. found.Blocks], found.Dropped, found.Byline);
        }

        found = WithRecipe(found, meta);
        var (blocks, dropped, byline, _) = found;
        meta = MetadataGuard.Read("visible byline", warnings, () => meta.WithVisibleByline(byline), meta);
        if (blocks.All(b => b.Kind == BlockKind.Image))
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
            Body = blocks.Where(b => b.Kind != BlockKind.Image).SelectMany(b => b.Kind == BlockKind.Table ? b.Text.Split('\n') : [b.Text]).ToList(),
            BodyMarkdown = string.Join("\n\n", blocks.Select(b => b.Markdown)),
            Dropped = dropped,
            Warnings = warnings,
        };
    }

    private sealed record Extraction(List<ArticleBlock> Blocks, List<string> Dropped, Text.Byline? Byline, IReadOnlyList<AngleSharp.Dom.IElement>? Roots = null)
    {
        public int TextLength { get; } = Blocks.Sum(b => b.Text.Length);
    }

    private static Extraction Extract(AngleSharp.Dom.IElement body, HtmlMetadata meta, Strictness strictness)
    {
        var stats = PageStats.Measure(body, strictness);
        var writer = new BlockWriter(stats, meta.CanonicalUrl is null ? null : new Uri(meta.CanonicalUrl));
        var roots = ContentFinder.Find(body, stats);
        if (strictness != Strictness.Normal)
        {
            stats.RemoveSmallFurniture(roots);
        }

        writer.Write(roots);
        var (blocks, dropped, byline) = BodyCleaner.Clean(writer.Blocks, meta);
        return new Extraction(blocks, [.. writer.Dropped, .. dropped], byline, roots);
    }

    private static Extraction FromArticleBody(string articleBody)
    {
        var paragraphs = articleBody.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Extraction([.. paragraphs.Select(Paragraph)], [], null);
    }

    /// <summary>
    /// A recipe page whose ingredients or steps live in a widget the text was not found in (a script-built list, a box
    /// beside the article): the page's structured data still has them, so they follow the text, each list only when the
    /// text holds fewer than half of its lines.
    /// </summary>
    private static Extraction WithRecipe(Extraction found, HtmlMetadata meta)
    {
        if (meta.Ingredients.Count == 0 && meta.Steps.Count == 0)
        {
            return found;
        }

        var text = string.Concat(found.Blocks.Select(b => Titles.Key(b.Text)));
        bool Missing(IReadOnlyList<string> lines) =>
            lines.Count > 0 && lines.Count(l => text.Contains(Titles.Key(l), StringComparison.Ordinal)) * 2 < lines.Count;

        var blocks = new List<ArticleBlock>(found.Blocks);
        if (Missing(meta.Ingredients))
        {
            blocks.AddRange(meta.Ingredients.Select(i => new ArticleBlock(BlockKind.Paragraph, i, "- " + MarkdownText.Escape(i))));
        }

        if (Missing(meta.Steps))
        {
            blocks.AddRange(meta.Steps.Select((step, i) => new ArticleBlock(BlockKind.Paragraph, step, $"{i + 1}. {MarkdownText.Escape(step)}")));
        }

        return blocks.Count == found.Blocks.Count ? found : found with { Blocks = blocks };
    }

    private static ArticleBlock Paragraph(string text) => new(BlockKind.Paragraph, text, MarkdownText.Escape(text));

    // Shown on the page above the text, or within the text's containers where a furniture rule took it out (a standfirst
    // in a header): not shown only in the metadata, which readers never saw, nor only further down (a teaser of the story).
    private static bool IsShownAboveOrWithin(AngleSharp.Dom.IElement body, IReadOnlyList<AngleSharp.Dom.IElement> roots, string summary)
    {
        var key = Titles.Key(summary);
        var opening = key[..Math.Min(key.Length, MinShownText)];
        var page = Titles.Key(Dom.TextOf(body));
        var at = page.IndexOf(opening, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var text = Titles.Key(Dom.TextOf(roots[0]));
        var start = text.Length == 0 ? -1 : page.IndexOf(text[..Math.Min(text.Length, MinShownText)], StringComparison.Ordinal);
        return at < start || roots.Any(r => (r == roots[0] ? text : Titles.Key(Dom.TextOf(r))).Contains(opening, StringComparison.Ordinal));
    }

    // The description repeats what was found when it is the first paragraph (often cut short with an ellipsis), holds
    // the first paragraph's opening behind a few words of its own (a byline, a drop cap), or holds most of the found text
    // itself (a description that is the whole short article). Compared on letters and digits only,
    // as descriptions differ in punctuation, ellipses and escapes.
    private static bool Holds(List<ArticleBlock> blocks, string description)
    {
        var summary = Titles.Key(description);
        var found = blocks.Select(b => Titles.Key(b.Text)).Where(k => k.Length > 0).ToList();
        var opening = summary[..Math.Min(summary.Length, MinRepeatedText)];
        return found.Count > 0 && (string.Concat(found).Contains(opening, StringComparison.Ordinal)
            || summary.Contains(found[0][..Math.Min(found[0].Length, MinRepeatedText)], StringComparison.Ordinal)
            || found.Where(k => summary.Contains(k, StringComparison.Ordinal)).Sum(k => k.Length) * 2 >= found.Sum(k => k.Length));
    }
}
