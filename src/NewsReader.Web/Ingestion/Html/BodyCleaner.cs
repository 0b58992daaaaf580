using NewsReader.Ingestion.Text;

namespace NewsReader.Ingestion.Html;

/// <summary>
/// Last pass over the written blocks: the title repeated above the text, byline and date lines, stray furniture words,
/// "Related" headings and headings left with nothing under them are dropped and recorded.
/// </summary>
public static class BodyCleaner
{
    private const int HeaderBlocks = 6;
    private const int MaxBylineLength = 160;
    private const int MaxTeaserLength = 120;

    public static (List<ArticleBlock> Kept, List<string> Dropped) Clean(IReadOnlyList<ArticleBlock> blocks, HtmlMetadata meta)
    {
        var kept = new List<ArticleBlock>(blocks.Count);
        var dropped = new List<string>();
        var titleKey = Key(meta.Title ?? "");
        var inRelated = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var text = block.Text;
            if (block.Kind == BlockKind.Heading)
            {
                inRelated = PageFurniture.IsRelatedHeading(text);
            }

            var drop = inRelated && (block.Kind == BlockKind.Heading || text.Length <= MaxTeaserLength)
                || (block.Kind is BlockKind.Heading or BlockKind.Paragraph && kept.Count < HeaderBlocks && titleKey.Length > 0 && Key(text) == titleKey)
                || (block.Kind == BlockKind.Paragraph && PageFurniture.IsStray(text))
                || (block.Kind == BlockKind.Paragraph && kept.Count < HeaderBlocks && IsByline(text, meta))
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
        return (kept, dropped);
    }

    private static bool IsByline(string text, HtmlMetadata meta)
    {
        if (text.Length > MaxBylineLength || Byline.TryParse(text, meta.Site) is not { } byline)
        {
            return false;
        }

        return byline.Published is not null || byline.Updated is not null
            || byline.Authors.Any(a => meta.Authors.Contains(a, StringComparer.OrdinalIgnoreCase))
            || text.StartsWith("by ", StringComparison.OrdinalIgnoreCase);
    }

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

    private static string Key(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
