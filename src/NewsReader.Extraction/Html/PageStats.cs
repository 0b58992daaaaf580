using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>How much furniture the measure removes: the first pass all of it, retries less when it found little text.</summary>
public enum Strictness
{
    /// <summary>Furniture by tag and by class words weighed against what the element holds.</summary>
    Normal,

    /// <summary>Nothing by class words or furniture tags but sign-in boxes; hidden and non-content tags still go.</summary>
    Relaxed,
}

/// <summary>Text measures of one element's subtree, furniture excluded.</summary>
public sealed class ElementStats
{
    public int Text { get; set; }

    public int LinkText { get; set; }

    /// <summary>Text inside paragraphs (p, pre, and blocks of bare text): the article-like part.</summary>
    public int ParagraphText { get; set; }

    public int Commas { get; set; }

    public int DirectText { get; set; }

    /// <summary>A block child that holds text: an empty block (a spacer div, a removed ad slot) does not count.</summary>
    public bool HasBlockChild { get; set; }

    /// <summary>Form controls under the element (counted though they are skipped): a small box with one is a sign-up form.</summary>
    public int Controls { get; set; }

    /// <summary>Password fields under the element: with a class saying login, sign-up or modal, a sign-in box.</summary>
    public int Passwords { get; set; }

    public bool Removed { get; set; }

    /// <summary>What the normal pass would have removed as furniture; a retry keeps it unless it is small beside the text.</summary>
    public bool Furniture { get; set; }

    public Hint Hint { get; set; }

    public double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;
}

/// <summary>
/// One post-order walk over the page (iterative, so 10,000-deep nesting is fine) that measures every element
/// and decides what is furniture: by tag, hidden markup, and class/id/role words weighed against what the element holds.
/// </summary>
public sealed class PageStats
{
    private const int MaxFormBoxText = 300;
    private const int MinBlockParagraph = 25;
    private const int MinMixedText = 25;
    private const int MinStandfirst = 100;

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "template", "svg", "canvas", "iframe", "object", "embed", "button", "input", "select",
        "textarea", "nav", "dialog", "menu", "link", "meta", "audio", "video", "source", "map", "head", "img",
        "picture", "math", "frameset", "frame", "label", "option", "datalist", "output", "progress", "meter", "slot", "title", "rt", "rp",
    };

    // Skipped on the first pass; the relaxed pass reads them, for pages that put the article in what a reader without
    // scripts sees (noscript) or in an aside.
    private static readonly HashSet<string> SkippedUnlessRelaxed = new(StringComparer.Ordinal) { "noscript", "aside" };

    // Footers, headers and forms are furniture on article pages, but some sites wrap the whole page in one.
    private static readonly HashSet<string> FurnitureTags = new(StringComparer.Ordinal) { "footer", "header", "form" };

    public static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "figcaption", "dl", "dt", "dd", "hr", "header", "footer",
        "address", "details", "summary", "center", "form", "fieldset", "hgroup", "caption", "body", "html",
    };

    private readonly Dictionary<IElement, ElementStats> _stats = new(ReferenceEqualityComparer.Instance);

    /// <summary>Paragraph-like elements outside furniture, in document order.</summary>
    public List<IElement> Paragraphs { get; } = [];

    /// <summary>Blocks that hold runs of bare text beside their block children: each run reads as a paragraph of theirs.</summary>
    public List<IElement> MixedTexts { get; } = [];

    public Strictness Strictness { get; private init; }

    public ElementStats this[IElement element] => _stats.TryGetValue(element, out var s) ? s : Empty;

    private static readonly ElementStats Empty = new() { Removed = true };

    /// <summary>
    /// For a retry: removes the furniture inside the chosen content that holds at most a quarter of its text each (an
    /// author box, a share bar, a comment form), which the retry kept only because its rules were relaxed for the wrapper;
    /// unless such pieces together make up four fifths of the text.
    /// </summary>
    public void RemoveSmallFurniture(IReadOnlyList<IElement> roots)
    {
        foreach (var root in roots)
        {
            var total = this[root].Text;
            var small = new List<ElementStats>();
            var pending = new Stack<IElement>(root.Children);
            while (pending.Count > 0)
            {
                var e = pending.Pop();
                if (!_stats.TryGetValue(e, out var s) || s.Removed)
                {
                    continue;
                }

                if (s.Furniture && s.Text * 4 <= total)
                {
                    small.Add(s);
                    continue;
                }

                foreach (var child in e.Children)
                {
                    pending.Push(child);
                }
            }

            // Posts of a forum thread, each one small and all of them the text, are the page's content, not furniture.
            if (small.Sum(s => s.Text) * 5 < total * 4)
            {
                small.ForEach(s => s.Removed = true);
            }
        }
    }

    public bool IsRemoved(IElement element) => !_stats.TryGetValue(element, out var s) || s.Removed;

    public static PageStats Measure(IElement root, Strictness strictness = Strictness.Normal)
    {
        var page = new PageStats { Strictness = strictness };
        page.Walk(root);
        return page;
    }

    private sealed class Frame(IElement element, ElementStats stats, int paragraphMark)
    {
        public IElement Element { get; } = element;

        public ElementStats Stats { get; } = stats;

        public int ParagraphMark { get; } = paragraphMark;

        // AngleSharp finds a node's next sibling by searching its parent's list: walk the list by index instead.
        public INodeList Children { get; } = element.ChildNodes;

        public int Next { get; set; }
    }

    private void Walk(IElement root)
    {
        var stack = new Stack<Frame>();
        stack.Push(Open(root));
        while (stack.Count > 0)
        {
            Limits.ParseBudget.Check();
            var frame = stack.Peek();
            if (frame.Next < frame.Children.Length)
            {
                var child = frame.Children[frame.Next++];
                if (child is IText text)
                {
                    Count(text.Data, frame.Stats);
                }
                else if (child is IElement element)
                {
                    if (IsSkipped(element, Strictness))
                    {
                        _stats[element] = new ElementStats { Removed = true };
                        if (element.LocalName is "form" or "input" or "button" or "select" or "textarea")
                        {
                            frame.Stats.Controls++;
                        }

                        if (IsPasswordField(element) || (element.LocalName == "label" && element.QuerySelectorAll("input").Any(IsPasswordField)))
                        {
                            frame.Stats.Passwords++;
                        }
                    }
                    else
                    {
                        stack.Push(Open(element));
                    }
                }

                continue;
            }

            stack.Pop();
            Close(frame);
            if (stack.Count > 0)
            {
                // Controls count even inside removed furniture: a sign-up box's form is itself furniture.
                stack.Peek().Stats.Controls += frame.Stats.Controls;
                stack.Peek().Stats.Passwords += frame.Stats.Passwords;
            }

            if (stack.Count > 0 && !frame.Stats.Removed)
            {
                var parent = stack.Peek().Stats;
                var s = frame.Stats;
                parent.HasBlockChild |= s.Text > 0 && (s.HasBlockChild || BlockTags.Contains(frame.Element.LocalName));
                parent.Text += s.Text;
                parent.Commas += s.Commas;
                parent.LinkText += frame.Element.LocalName == "a" ? s.Text : s.LinkText;
                parent.ParagraphText += IsParagraph(frame.Element, s) ? s.Text : s.ParagraphText;
            }
        }
    }

    private Frame Open(IElement element)
    {
        var stats = new ElementStats { Hint = ClassHints.Of(element) };
        _stats[element] = stats;
        return new Frame(element, stats, Paragraphs.Count);
    }

    private void Close(Frame frame)
    {
        var s = frame.Stats;
        var tag = frame.Element.LocalName;
        s.Furniture = tag is not ("html" or "body" or "main") && IsFurniture(tag, s) && !IsArticleHeader(frame.Element, s);
        if (Strictness == Strictness.Normal ? s.Furniture : tag is not ("html" or "body" or "main") && IsSignInBox(s))
        {
            s.Removed = true;

            // Paragraphs found inside furniture are not candidates either.
            Paragraphs.RemoveRange(frame.ParagraphMark, Paragraphs.Count - frame.ParagraphMark);
            return;
        }

        if (IsParagraph(frame.Element, s) && s.Text > 0)
        {
            Paragraphs.Add(frame.Element);
        }
        else if (s.HasBlockChild && s.DirectText >= MinMixedText && tag is not ("body" or "html"))
        {
            MixedTexts.Add(frame.Element);
        }
    }

    private static bool IsFurniture(string tag, ElementStats s)
    {
        var hint = s.Hint;
        if ((hint & Hint.Always) != 0)
        {
            return true;
        }

        if (IsSignInBox(s))
        {
            return true;
        }

        var articleLike = s.ParagraphText >= 400 && s.LinkDensity < 0.3;

        // A small box holding a form or button: newsletter sign-up, follow or donate prompt, comment form.
        if (s.Controls > 0 && s.Text < MaxFormBoxText && (hint & Hint.Content) == 0 && tag is "div" or "section" or "aside" or "figure" or "p")
        {
            return true;
        }

        if ((hint & Hint.Strong) != 0)
        {
            // "story-sidebar" is furniture; "article story-meta" wrapping the whole story is not.
            return (hint & Hint.Content) != 0 || tag == "article" ? !articleLike : !(s.ParagraphText >= 1500 && s.LinkDensity < 0.2);
        }

        if (FurnitureTags.Contains(tag) || (hint & Hint.Weak) != 0)
        {
            return (hint & Hint.Content) == 0 && !articleLike && !(tag == "header" && IsStandfirst(s));
        }

        return false;
    }

    // A login, sign-up or account dialog: its class says so and it asks for a password. However much text it holds (a
    // dialog's dozens of hints and error messages), none of it is the article.
    private static bool IsSignInBox(ElementStats s) =>
        s.Passwords > 0 && (s.Hint & Hint.Strong) != 0 && (s.Hint & Hint.Content) == 0;

    private static bool IsPasswordField(IElement element) =>
        element.LocalName == "input" && string.Equals(element.GetAttribute("type")?.Trim(), "password", StringComparison.OrdinalIgnoreCase);

    // The header of an article element (its headline, lead and dateline), not the site's: kept unless its class says
    // otherwise. The cleaner drops the headline and dateline it repeats.
    private static bool IsArticleHeader(IElement element, ElementStats s) =>
        element.LocalName == "header" && s.Hint == Hint.None && s.Controls == 0 && element.ParentElement?.Closest("article") is not null;

    // An article's header holding the headline and a paragraph of lead text, not a site header of links and labels.
    private static bool IsStandfirst(ElementStats s) =>
        s.ParagraphText >= MinStandfirst && s.ParagraphText * 2 >= s.Text && s.LinkDensity < 0.1 && s.Controls == 0;

    /// <summary>
    /// A p or pre, or a block with no block holding text inside it (many sites write paragraphs as divs of spans).
    /// </summary>
    public static bool IsParagraph(IElement element, ElementStats s) =>
        element.LocalName is "p" or "pre"
        || (element.LocalName is "div" or "section" or "article" or "td" or "dd" or "center" && !s.HasBlockChild && s.Text >= MinBlockParagraph);

    private static bool IsSkipped(IElement element, Strictness strictness)
    {
        if (SkippedTags.Contains(element.LocalName) || element.NamespaceUri != AngleSharp.Dom.NamespaceNames.HtmlUri
            || (strictness == Strictness.Normal && SkippedUnlessRelaxed.Contains(element.LocalName)))
        {
            return true;
        }

        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return element.GetAttribute("style") is { } style
            && (Contains(style, "display:none") || Contains(style, "display: none") || Contains(style, "visibility:hidden") || Contains(style, "visibility: hidden"));
    }

    private static bool Contains(string s, string value) => s.Contains(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Counts text as a reader sees it: each run of whitespace is one space.</summary>
    private static void Count(string data, ElementStats stats)
    {
        var length = 0;
        var commas = 0;
        var space = false;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                space = length > 0;
                continue;
            }

            if (space)
            {
                length++;
                space = false;
            }

            length++;
            if (c is ',' or '，' or '、')
            {
                commas++;
            }
        }

        stats.Text += length;
        stats.Commas += commas;
        stats.DirectText += length;
    }
}
