using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>Everything in a page that can say what its article is, gathered in one iterative walk.</summary>
public sealed class PageSignals
{
    private const int MaxBylineLength = 200;
    private const int MaxDateLength = 100;
    private const int MaxDateTexts = 5;
    private const int MaxHeadings = 20;

    /// <summary>Meta tags by lower-cased property, name, itemprop or http-equiv; each key keeps every value in order.</summary>
    public Dictionary<string, List<string>> Meta { get; } = new(StringComparer.Ordinal);

    public List<string> JsonLdBlocks { get; } = [];

    public List<string> Canonicals { get; } = [];

    public string? TitleElement { get; private set; }

    public List<string> H1s { get; } = [];

    /// <summary>The first few h1–h3 texts: a page title "Site: Headline" is split where a heading matches.</summary>
    public List<string> Headings { get; } = [];

    /// <summary>Short texts of elements whose class says date or timestamp ("date-header", "post-date").</summary>
    public List<string> DateTexts { get; } = [];

    public string? Lang { get; private set; }

    /// <summary>Microdata values by itemprop (headline, author, datePublished, dateModified, publisher).</summary>
    public Dictionary<string, List<string>> Microdata { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>datetime attributes of time elements: the ones marked as publication first.</summary>
    public List<string> Times { get; } = [];

    public List<string> RelAuthors { get; } = [];

    /// <summary>Elements whose class says byline or author, outermost first (document order).</summary>
    public List<IElement> Bylines { get; } = [];

    /// <summary>
    /// The first byline's text, and the names in it: when it wraps smaller author elements ("By
    /// &lt;span class=author&gt;A&lt;/span&gt; and ..."), those are the names, which keeps job titles and outlet names out.
    /// </summary>
    public (string Text, List<string> Names)? FirstByline()
    {
        if (Bylines.Count == 0)
        {
            return null;
        }

        var outer = Bylines[0];
        var nested = Bylines.Skip(1).Where(b => outer.Contains(b)).ToList();
        var leaves = nested.Where(b => !nested.Any(other => other != b && b.Contains(other))).Select(b => Dom.TextOf(b)).ToList();
        return (Dom.TextOf(outer), leaves);
    }

    public static PageSignals Gather(IDocument document)
    {
        var signals = new PageSignals { Lang = document.DocumentElement?.GetAttribute("lang")?.Trim() };
        var markedTimes = new List<string>();
        foreach (var e in Dom.Elements(document.DocumentElement!))
        {
            switch (e.LocalName)
            {
                case "meta":
                    signals.AddMeta(e);
                    break;
                case "link" when HasWord(e.GetAttribute("rel"), "canonical") && e.GetAttribute("href") is { Length: > 0 } href:
                    signals.Canonicals.Add(href.Trim());
                    break;
                case "script" when e.GetAttribute("type")?.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase) == true:
                    signals.JsonLdBlocks.Add(e.TextContent);
                    break;
                case "title" when signals.TitleElement is null && e.ParentElement?.LocalName != "svg":
                    signals.TitleElement = Dom.TextOf(e);
                    break;
                case "h1":
                    signals.H1s.Add(Dom.TextOf(e, 500));
                    signals.AddHeading(e);
                    break;
                case "h2" or "h3":
                    signals.AddHeading(e);
                    break;
                case "time" when e.GetAttribute("datetime") is { Length: > 0 } datetime:
                    (IsPublicationTime(e) ? markedTimes : signals.Times).Add(datetime);
                    break;
                case "a" when HasWord(e.GetAttribute("rel"), "author"):
                    signals.RelAuthors.Add(Dom.TextOf(e, MaxBylineLength));
                    break;
            }

            if (e.GetAttribute("itemprop") is { Length: > 0 } itemprop && e.LocalName != "meta")
            {
                signals.AddMicrodata(e, itemprop);
            }

            if (e.LocalName is "meta" or "html" or "body" or "script" || e.GetAttribute("class") is not { Length: > 0 } cls)
            {
                continue;
            }

            var hint = ClassHints.OfNames(cls);
            if ((hint & Hint.Byline) != 0 && Dom.TextOf(e, MaxBylineLength + 1).Length is > 0 and <= MaxBylineLength)
            {
                signals.Bylines.Add(e);
            }

            if (e.LocalName == "a")
            {
                continue;
            }

            if ((hint & Hint.Date) != 0 && signals.DateTexts.Count < MaxDateTexts && Dom.TextOf(e, MaxDateLength + 1) is { Length: > 0 and <= MaxDateLength } date)
            {
                signals.DateTexts.Add(date);
            }
        }

        signals.Times.InsertRange(0, markedTimes);
        return signals;
    }

    public string? FirstMeta(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (Meta.TryGetValue(key, out var values) && values.FirstOrDefault(v => v.Length > 0) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    public IEnumerable<string> AllMeta(params string[] keys) =>
        keys.SelectMany(k => Meta.TryGetValue(k, out var values) ? values : []);

    public string? FirstMicrodata(string prop) =>
        Microdata.TryGetValue(prop, out var values) ? values.FirstOrDefault() : null;

    private void AddHeading(IElement e)
    {
        if (Headings.Count < MaxHeadings)
        {
            Headings.Add(Dom.TextOf(e, 500));
        }
    }

    private void AddMeta(IElement e)
    {
        var key = e.GetAttribute("property") ?? e.GetAttribute("name") ?? e.GetAttribute("itemprop") ?? e.GetAttribute("http-equiv");
        var content = e.GetAttribute("content")?.Trim();
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrEmpty(content))
        {
            return;
        }

        key = key.Trim().ToLowerInvariant();
        if (!Meta.TryGetValue(key, out var list))
        {
            Meta[key] = list = [];
        }

        list.Add(System.Net.WebUtility.HtmlDecode(content));

        // Microdata written as meta inside an itemscope (datePublished, author name) counts as microdata too.
        if (e.GetAttribute("itemprop") is { Length: > 0 } itemprop)
        {
            AddValue(itemprop, content);
        }
    }

    private void AddMicrodata(IElement e, string itemprop)
    {
        foreach (var prop in itemprop.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = prop switch
            {
                "author" or "publisher" or "creator" when e.HasAttribute("itemscope") => NameInside(e),
                "datePublished" or "dateModified" or "dateCreated" => e.GetAttribute("datetime") ?? e.GetAttribute("content") ?? Dom.TextOf(e, 100),
                "headline" or "name" or "author" or "publisher" or "inLanguage" => e.GetAttribute("content") ?? Dom.TextOf(e, 500),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(value))
            {
                AddValue(prop, value);
            }
        }
    }

    private void AddValue(string prop, string value)
    {
        if (!Microdata.TryGetValue(prop, out var list))
        {
            Microdata[prop] = list = [];
        }

        list.Add(value);
    }

    private static string? NameInside(IElement scope)
    {
        foreach (var e in Dom.Elements(scope))
        {
            if (e != scope && e.GetAttribute("itemprop") == "name")
            {
                return e.GetAttribute("content") ?? Dom.TextOf(e, 200);
            }
        }

        return null;
    }

    private static bool IsPublicationTime(IElement time) =>
        time.HasAttribute("pubdate")
        || time.GetAttribute("itemprop") is "datePublished"
        || (time.GetAttribute("class") ?? "").Contains("publish", StringComparison.OrdinalIgnoreCase);

    private static bool HasWord(string? value, string word) =>
        value is not null && value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.Equals(word, StringComparison.OrdinalIgnoreCase));
}
