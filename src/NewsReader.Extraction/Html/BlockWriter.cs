using System.Text;
using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

public enum BlockKind
{
    Paragraph,
    Heading,
    Table,
    Code,
    Image,
}

/// <summary>One block of the article: its plain text (table rows on their own lines) and its Markdown.</summary>
public sealed record ArticleBlock(BlockKind Kind, string Text, string Markdown, int Level = 0);

/// <summary>
/// Writes the chosen content as blocks in reading order, in one iterative walk: headings, paragraphs, list items,
/// block quotes, tables, code and figure captions, with emphasis and http(s) links kept in the Markdown.
/// Furniture still inside the content (link lists, "Read more" teasers) is skipped and recorded.
/// </summary>
public sealed class BlockWriter(PageStats stats, Uri? baseUri)
{
    private const int MaxDroppedLength = 200;
    private const int MaxCaptionLength = 300;
    private const int MaxHeadingLength = 250;

    // Quotes and lists nested deeper than this are written flat: Markdown nested thousands deep would not render.
    private const int MaxNesting = 6;

    private readonly List<ArticleBlock> _blocks = [];
    private readonly List<string> _dropped = [];
    private readonly StringBuilder _plain = new();
    private readonly StringBuilder _md = new();
    private readonly StringBuilder _run = new();
    private readonly List<Container> _containers = [];
    private readonly Stack<ListState> _lists = new();
    private bool _pendingSpace;
    private int _openMarkerEnd = -1;
    private int _openMarkerLength;
    private int _headingLevel;
    private int _inLink;
    private int _generation;
    private bool _lineBreak;
    private readonly List<(int Mark, int OpenLength, string Close)> _openMarkers = [];

    public IReadOnlyList<ArticleBlock> Blocks => _blocks;

    public IReadOnlyList<string> Dropped => _dropped;

    private sealed class Container(string marker, bool quote)
    {
        public string Marker { get; } = marker;

        public bool Quote { get; } = quote;

        public bool Used { get; set; }
    }

    private sealed class ListState(bool ordered, int next)
    {
        public bool Ordered { get; } = ordered;

        public int Next { get; set; } = next;
    }

    private const string Nested = "nested";

    private readonly record struct Step(INode Node, bool Exit, int Mark, string Marker, int Generation = 0);

    public void Write(IEnumerable<IElement> roots)
    {
        foreach (var root in roots)
        {
            Walk(root);
            Flush();
        }
    }

    private void Walk(IElement root)
    {
        var stack = new Stack<Step>();
        stack.Push(new Step(root, false, 0, ""));
        while (stack.Count > 0)
        {
            Limits.ParseBudget.Check();
            var step = stack.Pop();
            if (step.Node is IText text)
            {
                AppendText(text.Data);
                continue;
            }

            if (step.Node is not IElement element)
            {
                continue;
            }

            if (step.Exit)
            {
                Exit(element, step);
                continue;
            }

            if (!Enter(element, stack))
            {
                continue;
            }

            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IText or IElement)
                {
                    stack.Push(new Step(children[i], false, 0, ""));
                }
            }
        }
    }

    /// <summary>Opens the element; false when its children are not to be walked (skipped, or written whole).</summary>
    private bool Enter(IElement e, Stack<Step> stack)
    {
        var tag = e.LocalName;
        if (tag is "img" or "picture" || (tag == "figure" && !stats.IsRemoved(e)))
        {
            // Measuring the page skips images; the article's own are written here (PageImages), each a block of its own.
            if (PageImages.Read(e, baseUri) is { } image)
            {
                Flush();
                Emit(image);
                return false;
            }
        }

        if (stats.IsRemoved(e))
        {
            EndParagraphAt(tag); // "text<div class=ad></div>text" is two paragraphs, not two sentences glued together.
            return false;
        }

        var s = stats[e];
        if (IsLeftoverFurniture(tag, s) || IsCaption(tag, s) || IsTeaserHeadline(e, tag, s))
        {
            EndParagraphAt(tag);
            Drop(Dom.TextOf(e, MaxDroppedLength));
            return false;
        }

        switch (tag)
        {
            case "br":
                // Old pages separate paragraphs with two line breaks rather than p elements.
                if (_lineBreak)
                {
                    Flush();
                }
                else
                {
                    _lineBreak = _plain.Length > 0;
                    _pendingSpace = _plain.Length > 0;
                }

                return false;
            case "hr":
                Flush();
                return false;
            case "pre":
                Flush();
                WriteCode(e);
                return false;
            case "table" when DataTable.IsData(e):
                Flush();
                WriteTable(e);
                return false;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Flush();
                _headingLevel = tag[1] - '0';
                stack.Push(new Step(e, true, 0, ""));
                return true;
            case "ul" or "ol" when _lists.Count < MaxNesting:
                Flush();
                _lists.Push(new ListState(tag == "ol", int.TryParse(e.GetAttribute("start"), out var start) ? start : 1));
                stack.Push(new Step(e, true, 0, Nested));
                return true;
            case "li" when _containers.Count < MaxNesting:
                Flush();
                _containers.Add(new Container(ListMarker(), quote: false));
                stack.Push(new Step(e, true, 0, Nested));
                return true;
            case "blockquote" when _containers.Count < MaxNesting:
                Flush();
                _containers.Add(new Container("> ", quote: true));
                stack.Push(new Step(e, true, 0, Nested));
                return true;
            case "a" when _inLink == 0 && !s.HasBlockChild && SafeHref(e) is { } href:
                _inLink++;
                stack.Push(new Step(e, true, OpenMarker("[", "](" + href + ")"), href, _generation));
                return true;
            case "em" or "i":
                stack.Push(new Step(e, true, OpenMarker("*", "*"), "*", _generation));
                return true;
            case "strong" or "b":
                stack.Push(new Step(e, true, OpenMarker("**", "**"), "**", _generation));
                return true;
        }

        if (PageStats.BlockTags.Contains(tag))
        {
            Flush();
            stack.Push(new Step(e, true, 0, ""));
        }

        return true;
    }

    private void Exit(IElement e, Step step)
    {
        switch (e.LocalName)
        {
            case "ul" or "ol" when step.Marker == Nested:
                Flush();
                _lists.Pop();
                return;
            case "li" or "blockquote" when step.Marker == Nested:
                Flush();
                _containers.RemoveAt(_containers.Count - 1);
                return;
            case "a":
                _inLink--;
                CloseMarker(step, 1, "](" + step.Marker + ")");
                return;
            case "em" or "i" or "strong" or "b":
                CloseMarker(step, step.Marker.Length, step.Marker);
                return;
            default:
                Flush();
                return;
        }
    }

    // Link lists, link-only teasers and blocks whose words say furniture, left inside the article container.
    private static bool IsLeftoverFurniture(string tag, ElementStats s) => tag switch
    {
        "ul" or "ol" or "dl" => s.Text > 0 && s.LinkDensity > 0.5,
        "div" or "section" or "article" or "figure" => s.Text > 0 && s.LinkDensity > 0.5 && s.ParagraphText < s.Text / 2,
        "p" => s.Text is > 0 and < 200 && s.LinkDensity > 0.6,
        _ => false,
    };

    // A headline that is all link, or sits inside one, is a teaser card for another story.
    private static bool IsTeaserHeadline(IElement e, string tag, ElementStats s) =>
        tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" && s.Text > 0
        && (s.LinkDensity > 0.6 || e.ParentElement?.LocalName == "a" || e.ParentElement?.ParentElement?.LocalName == "a");

    private void EndParagraphAt(string tag)
    {
        if (PageStats.BlockTags.Contains(tag))
        {
            Flush();
        }
    }

    // Captions and credits describe a picture; kept as body paragraphs they interrupt the text.
    private static bool IsCaption(string tag, ElementStats s) =>
        tag == "figcaption" || ((s.Hint & Hint.Caption) != 0 && s.Text < MaxCaptionLength);

    private string ListMarker()
    {
        if (_lists.Count == 0 || !_lists.Peek().Ordered)
        {
            return "- ";
        }

        var list = _lists.Peek();
        return (list.Next++).ToString(System.Globalization.CultureInfo.InvariantCulture) + ". ";
    }

    private string? SafeHref(IElement a)
    {
        var href = a.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#'))
        {
            return null;
        }

        // On Unix "/page" parses as an absolute file: URI, so a leading slash always means relative to the page.
        Uri? uri;
        if ((href.StartsWith('/') || !Uri.TryCreate(href, UriKind.Absolute, out uri)) && (baseUri is null || !Uri.TryCreate(baseUri, href, out uri)))
        {
            return null;
        }

        if (uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return null;
        }

        return uri.AbsoluteUri.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
    }

    private int OpenMarker(string marker, string close)
    {
        if (_pendingSpace)
        {
            _plain.Append(' ');
            _md.Append(' ');
            _pendingSpace = false;
        }

        var mark = _md.Length;
        _md.Append(marker);
        _openMarkerEnd = _md.Length;
        _openMarkerLength = marker.Length;
        _openMarkers.Add((mark, marker.Length, close));
        return mark;
    }

    private void CloseMarker(Step step, int openLength, string close)
    {
        if (step.Generation != _generation || _openMarkers.Count == 0)
        {
            return; // A block boundary inside the inline element already closed it.
        }

        _openMarkers.RemoveAt(_openMarkers.Count - 1);
        Close(step.Mark, openLength, close);
    }

    private void Close(int mark, int openLength, string close)
    {
        if (_md.Length == mark + openLength)
        {
            _md.Length = mark;
            _openMarkerEnd = -1;
            return;
        }

        _md.Append(close);
    }

    private void AppendText(string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = _plain.Length > 0;
                continue;
            }

            if (_pendingSpace)
            {
                _plain.Append(' ');

                // A space right after an opening marker would stop it from being emphasis: put it before the marker.
                if (_run.Length == 0 && _openMarkerEnd == _md.Length)
                {
                    _md.Insert(_md.Length - _openMarkerLength, ' ');
                    _openMarkerEnd++;
                }
                else
                {
                    _run.Append(' ');
                }

                _pendingSpace = false;
            }

            _plain.Append(c);
            _run.Append(c);
            _lineBreak = false;
        }

        FlushRun();
    }

    private void FlushRun()
    {
        if (_run.Length > 0)
        {
            // Escape treats its text as a block and may trim leading spaces; a run inside a line keeps its space.
            var run = _run.ToString();
            var spaces = run.Length - run.TrimStart(' ').Length;
            _md.Append(' ', spaces).Append(MarkdownText.Escape(run[spaces..]));
            _run.Clear();
        }
    }

    private void Flush()
    {
        for (var i = _openMarkers.Count - 1; i >= 0; i--)
        {
            var (mark, openLength, close) = _openMarkers[i];
            Close(mark, openLength, close);
        }

        _openMarkers.Clear();
        _generation++;
        _lineBreak = false;
        var plain = _plain.ToString().Trim();
        var md = _md.ToString().Trim();
        _plain.Clear();
        _md.Clear();
        _pendingSpace = false;
        _openMarkerEnd = -1;
        var level = _headingLevel;
        _headingLevel = 0;
        if (plain.Length == 0)
        {
            return;
        }

        // A "heading" of several sentences is a paragraph the site styled large (a lead set in <h3>), not a heading.
        if (level > 0 && plain.Length <= MaxHeadingLength)
        {
            Emit(new ArticleBlock(BlockKind.Heading, plain, new string('#', Math.Clamp(level, 2, 4)) + " " + md, level));
        }
        else
        {
            Emit(new ArticleBlock(BlockKind.Paragraph, plain, md));
        }
    }

    private void Emit(ArticleBlock block)
    {
        var prefix = new StringBuilder();
        var rest = new StringBuilder();
        foreach (var c in _containers)
        {
            if (c.Quote)
            {
                prefix.Append(c.Marker);
                rest.Append(c.Marker);
            }
            else
            {
                prefix.Append(c.Used ? new string(' ', c.Marker.Length) : c.Marker);
                rest.Append(' ', c.Marker.Length);
                c.Used = true;
            }
        }

        if (prefix.Length == 0)
        {
            _blocks.Add(block);
            return;
        }

        var lines = block.Markdown.Split('\n');
        var md = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            md.Append(i == 0 ? prefix : rest).Append(lines[i]);
            if (i < lines.Length - 1)
            {
                md.Append('\n');
            }
        }

        _blocks.Add(block with { Markdown = md.ToString() });
    }

    private void WriteCode(IElement pre)
    {
        var text = string.Concat(Dom.Texts(pre)).Trim('\n', '\r');
        if (text.Trim().Length == 0)
        {
            return;
        }

        var fence = "```";
        while (text.Contains(fence, StringComparison.Ordinal))
        {
            fence += "`";
        }

        Emit(new ArticleBlock(BlockKind.Code, text.Trim(), fence + "\n" + text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n" + fence));
    }

    private void WriteTable(IElement table)
    {
        var (caption, rows) = DataTable.Read(table);
        if (caption.Length > 0)
        {
            Emit(new ArticleBlock(BlockKind.Paragraph, caption, MarkdownText.Escape(caption)));
        }

        if (rows.Count == 0)
        {
            return;
        }

        var columns = rows.Max(r => r.Count);
        var md = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            md.Append('|');
            for (var col = 0; col < columns; col++)
            {
                var cell = col < rows[i].Count ? rows[i][col] : "";
                md.Append(' ').Append(MarkdownText.Escape(cell)).Append(" |");
            }

            md.Append('\n');
            if (i == 0)
            {
                md.Append('|').Append(string.Concat(Enumerable.Repeat(" --- |", columns))).Append('\n');
            }
        }

        var text = string.Join("\n", rows.Select(r => string.Join(" | ", r.Where(c => c.Length > 0))));
        Emit(new ArticleBlock(BlockKind.Table, text, md.ToString().TrimEnd('\n')));
    }

    private void Drop(string text)
    {
        if (text.Length > 0)
        {
            _dropped.Add(text);
        }
    }
}
