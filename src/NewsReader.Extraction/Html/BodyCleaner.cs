using NewsReader.Extraction.Text;

namespace NewsReader.Extraction.Html;

/// <summary>
/// Last pass over the written blocks: the title repeated above the text, byline and date lines, stray furniture words,
/// "Related" headings and headings left with nothing under them are dropped and recorded.
/// </summary>
public static class BodyCleaner
{
    private const int HeaderBlocks = 6;
    private const int MaxBylineLength = 160;
    private const int MaxTeaserLength = 120;
    private const int MaxRelatedLabel = 80;
    private const int MaxDateLine = 60;
    private const int MaxTrailingLabel = 30;
    private const int MaxLeadingLabel = 25;
    private const int MaxLegalNotice = 600;

    /// <summary>The kept blocks, the dropped texts, and the byline found above the text (for pages with no byline markup).</summary>
    public static (List<ArticleBlock> Kept, List<string> Dropped, Byline? Byline) Clean(IReadOnlyList<ArticleBlock> blocks, HtmlMetadata meta)
    {
        Byline? found = null;
        var kept = new List<ArticleBlock>(blocks.Count);
        var dropped = new List<string>();
        var titleKey = Titles.Key(meta.Title ?? "");
        var inRelated = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var text = block.Text;
            if (block.Kind == BlockKind.Image)
            {
                // A picture has no text to judge; under a "Related" heading it is a teaser's thumbnail.
                if (!inRelated)
                {
                    kept.Add(block);
                }

                continue;
            }

            if (block.Kind == BlockKind.Heading || (text.Length < MaxRelatedLabel && PageFurniture.IsRelatedHeading(text)))
            {
                inRelated = block.Kind == BlockKind.Heading ? PageFurniture.StartsRelatedSection(text) : PageFurniture.IsRelatedHeading(text);
            }

            // A paragraph longer than any teaser means the text went on after a related box inside the article.
            if (inRelated && block.Kind == BlockKind.Paragraph && text.Length > MaxTeaserLength)
            {
                inRelated = false;
            }

            var drop = inRelated && (block.Kind == BlockKind.Heading || text.Length <= MaxTeaserLength)
                || (block.Kind is BlockKind.Heading or BlockKind.Paragraph && kept.Count < HeaderBlocks && titleKey.Length > 0 && Titles.Key(text) == titleKey)
                || (block.Kind == BlockKind.Paragraph && (PageFurniture.IsStray(text) || IsSmallPrint(text) || PageFurniture.IsCreditOrCallToAction(text)))
                || (text.Length < MaxBylineLength && meta.Authors.Contains(text, StringComparer.OrdinalIgnoreCase))
                || (block.Kind == BlockKind.Paragraph && kept.Count < HeaderBlocks && IsDateLine(text))
                || (block.Kind == BlockKind.Paragraph && kept.Count < HeaderBlocks && IsByline(text, meta, ref found))
                || (kept.Count > 0 && kept[^1].Text == text);
            if (drop)
            {
                dropped.Add(text);
            }
            else
            {
                kept.Add(block);
            }
        }

        DropEmptyHeadings(kept, dropped);
        DropLabels(kept, dropped);
        return (kept, dropped, found);
    }

    // "03.04.2020", "Published: 5 May 2025 | Politics": a date line above the text, most of it the date.
    private static bool IsDateLine(string text) =>
        text.Length < MaxDateLine && NewsDates.OfDateLine(text) is not null;

    // "Valley News © 2025", "6 min read": page furniture that PageFurniture's whole-line list does not name.
    // A paragraph that opens with the copyright sign or word is the site's legal notice, however long it runs.
    private static bool IsSmallPrint(string text) =>
        (text.Length < MaxTeaserLength
            && (text.Contains('©') || text.Contains("copyright", StringComparison.OrdinalIgnoreCase) || text.Contains(" min read", StringComparison.OrdinalIgnoreCase)))
        || (text.Length < MaxLegalNotice && (text.StartsWith('©') || text.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase)));

    private static bool IsByline(string text, HtmlMetadata meta, ref Byline? found)
    {
        try
        {
            return ReadsAsByline(text, meta, ref found);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException or InsufficientExecutionStackException))
        {
            return false; // A byline rule that trips on a line costs the byline, never the paragraph.
        }
    }

    private static bool ReadsAsByline(string text, HtmlMetadata meta, ref Byline? found)
    {
        if (text.Length > MaxBylineLength)
        {
            return false;
        }

        // A line naming a known author beside a date is a byline even when glued together ("Jane Doe4 min readMay 2, 2025").
        if (meta.Authors.Any(a => text.Contains(a, StringComparison.OrdinalIgnoreCase)) && NewsDates.Find(text) is not null)
        {
            return true;
        }

        var byline = text.StartsWith("by ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("posted by ", StringComparison.OrdinalIgnoreCase)
            ? Bylines.Parse(text, meta.Site)
            : Byline.TryParse(text, meta.Site);
        if (byline is null)
        {
            return false;
        }

        var isByline = byline.Published is not null || byline.Updated is not null
            || byline.Authors.Any(a => meta.Authors.Contains(a, StringComparer.OrdinalIgnoreCase))
            || text.StartsWith("by ", StringComparison.OrdinalIgnoreCase);
        if (isByline)
        {
            found ??= byline;
        }

        return isByline;
    }

    // The text's first or last line, short and not a sentence ("Originalartikel", "11 minut czytania", "About the author",
    // "Photo credits: Bestimage"), is what is left of the furniture around the article: a kicker, a reading time, a
    // label whose box was removed, a credit, a button.
    private static void DropLabels(List<ArticleBlock> kept, List<string> dropped)
    {
        if (kept.Count > 2 && kept[0] is { Kind: BlockKind.Paragraph, Text: { Length: < MaxLeadingLabel } first } && !EndsLikeProse(first))
        {
            dropped.Add(first);
            kept.RemoveAt(0);
        }

        if (kept.Count > 1 && kept[^1] is { Kind: BlockKind.Paragraph, Text: { Length: < MaxTrailingLabel } last } && !EndsLikeProse(last))
        {
            dropped.Add(last);
            kept.RemoveAt(kept.Count - 1);
        }
    }

    private static bool EndsLikeProse(string text) =>
        text.TrimEnd() is { Length: > 0 } t && t[^1] is '.' or ',' or ';' or '!' or '?' or '…' or '"' or '”' or '“' or '»' or '«' or '’' or ')' or '。' or '！' or '？' or '।' or '؟';

    // A heading whose section was all furniture ("Most read" over a removed list) says nothing on its own.
    private static void DropEmptyHeadings(List<ArticleBlock> kept, List<string> dropped)
    {
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            if (kept[i].Kind != BlockKind.Heading)
            {
                continue;
            }

            var next = i + 1 < kept.Count ? kept[i + 1] : null;
            if (next is null || (next.Kind == BlockKind.Heading && next.Level <= kept[i].Level))
            {
                dropped.Add(kept[i].Text);
                kept.RemoveAt(i);
            }
        }
    }
}
