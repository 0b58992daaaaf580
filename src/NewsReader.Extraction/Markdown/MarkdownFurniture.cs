using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsReader.Extraction.Text;

namespace NewsReader.Extraction.Markdown;

/// <summary>
/// What web clippers and blog exports put around a Markdown article's text: the byline or date line under the title,
/// and trailing "Related" or share lists of links. Found on Markdig's blocks and cut out of the text by their spans.
/// </summary>
public static class MarkdownFurniture
{
    private const int MaxBylineLength = 160;
    private const double MinLinkShare = 0.8;

    /// <summary>The byline or dateline that <paramref name="block"/> (the first under the title) is, with its span and text.</summary>
    public static (Byline Byline, SourceSpan Span, string Line)? BylineOf(Block? block, string? site)
    {
        if (block is not ParagraphBlock first)
        {
            return null;
        }

        var text = MarkdownBlocks.InlineText(first.Inline).Trim();
        if (text.Length == 0 || text.Length > MaxBylineLength)
        {
            return null;
        }

        if (Byline.TryParse(text, site) is { } byline && (byline.Authors.Count > 0 || byline.Published is not null))
        {
            return (byline with { Published = byline.Published ?? NewsDates.Find(text)?.Iso }, first.Span, text);
        }

        // A date alone ("12 March 2025", "*März 2025 · 4 min*"): most of the line is the date.
        return NewsDates.OfDateLine(text) is { } date ? (new Byline([], null, date.Iso, null), first.Span, text) : null;
    }

    /// <summary>
    /// Where the trailing furniture of the text's <paramref name="blocks"/> starts: a list of links (or a line of links)
    /// after a "Related", "More stories" or "Share" label at the end. Null when the text ends with article text.
    /// </summary>
    public static (int Start, List<string> Dropped)? TrailingLinks(IReadOnlyList<Block> blocks)
    {
        var i = blocks.Count - 1;
        if (i > 0 && IsLabelledLinks(blocks[i]))
        {
            return (blocks[i].Span.Start, [Text(blocks[i])]);
        }

        while (i >= 0 && IsLinkBlock(blocks[i]))
        {
            i--;
        }

        if (i == blocks.Count - 1 || i <= 0 || !IsLabel(blocks[i]))
        {
            return null;
        }

        var dropped = blocks.Skip(i).Select(b => Text(b)).Where(t => t.Length > 0).ToList();
        return (blocks[i].Span.Start, dropped);
    }

    // "Share: Twitter · Facebook", "Related: [A](…), [B](…)": a label and links on one line.
    private static bool IsLabelledLinks(Block block) =>
        block is ParagraphBlock p && Text(p) is var text && text.IndexOf(':') is > 0 and var colon
        && PageFurniture.IsRelatedHeading(text[..colon]) && LinkShare(p.Inline) >= MinLinkShare / 2;

    private static bool IsLabel(Block block) => block switch
    {
        HeadingBlock => PageFurniture.StartsRelatedSection(Text(block)),
        ParagraphBlock => PageFurniture.IsRelatedHeading(Text(block)),
        _ => false,
    };

    // A list whose every item is mostly a link, or a paragraph that is mostly links ("Share: Twitter · Facebook").
    private static bool IsLinkBlock(Block block) => block switch
    {
        ListBlock list => list.Count > 0 && list.All(item => item is ListItemBlock li && li.All(IsLinkBlock)),
        ParagraphBlock p => LinkShare(p.Inline) >= MinLinkShare,
        _ => false,
    };

    private static double LinkShare(ContainerInline? inline)
    {
        var all = MarkdownBlocks.InlineText(inline).Length;
        if (inline is null || all == 0)
        {
            return 0;
        }

        var linked = inline.Descendants<LinkInline>().Where(l => !l.IsImage && l.Parent is not LinkInline).Sum(l => MarkdownBlocks.InlineText(l).Length);
        return (double)linked / all;
    }

    private static string Text(Block block) => block switch
    {
        LeafBlock leaf => MarkdownBlocks.InlineText(leaf.Inline).Trim(),
        ContainerBlock container => string.Join(" · ", container.Descendants<LeafBlock>().Select(l => MarkdownBlocks.InlineText(l.Inline).Trim())),
        _ => "",
    };
}
