using NewsReader.Extraction.Text;

namespace NewsReader.Extraction.Html;

/// <summary>Reads a visible byline from a page ("Posted by X", "Words by X and Y | May 2, 2025") with the text parser's rules.</summary>
public static class Bylines
{
    private const int PrefixSearch = 25;

    public static Byline? Parse(string text, string? site)
    {
        // "Posted by", "Written by", "Words and pictures by": whatever comes before " by " near the start is a label.
        var by = text.IndexOf("by ", StringComparison.OrdinalIgnoreCase);
        if (by == 0 || (by > 0 && by < PrefixSearch && text[by - 1] == ' '))
        {
            text = text[(by + 3)..];
        }

        return Byline.TryParse("By " + text.TrimStart(), site);
    }
}
