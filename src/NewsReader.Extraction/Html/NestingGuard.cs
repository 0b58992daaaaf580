namespace NewsReader.Extraction.Html;

/// <summary>
/// Estimates how deep a page nests its elements before it is parsed. HTML tree building scans the stack of open
/// elements for many tags, so a page nested hundreds of thousands deep takes quadratic time in any parser
/// (browsers cap the depth instead). Pages past <see cref="MaxDepth"/> are refused with a reason.
/// </summary>
public static class NestingGuard
{
    public const int MaxDepth = 12_000;

    // Elements that never hold others, or whose end tag pages routinely leave out: they do not deepen the tree.
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "!doctype",
    };

    public static int EstimateDepth(string html)
    {
        var depth = 0;
        var max = 0;
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length - 1)
        {
            Limits.ParseBudget.Check();
            var next = html[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next))
            {
                var end = i + 1;
                while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
                {
                    end++;
                }

                var name = html.AsSpan(i + 1, end - i - 1);
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    // Script and style text may hold '<' that is not markup: skip to the end tag.
                    var close = html.IndexOf("</" + name.ToString(), end, StringComparison.OrdinalIgnoreCase);
                    i = close < 0 ? -1 : html.IndexOf('<', close + 2);
                    continue;
                }

                var gt = html.IndexOf('>', end);
                var selfClosing = gt > 0 && html[gt - 1] == '/';
                if (!selfClosing && !Flat.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
                {
                    depth++;
                    max = Math.Max(max, depth);
                }
            }

            i = html.IndexOf('<', i + 1);
        }

        return max;
    }
}
