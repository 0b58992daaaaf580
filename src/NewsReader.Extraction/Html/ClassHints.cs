using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>What an element's class, id and role say it is, read word by word (no regex per element).</summary>
[Flags]
public enum Hint
{
    None = 0,

    /// <summary>Article text lives here: "article-body", "story", "entry-content".</summary>
    Content = 1,

    /// <summary>Probably furniture, kept only when it clearly holds article text or also says content: "paywall", "more".</summary>
    Weak = 2,

    /// <summary>Furniture, kept only when it holds a long run of article paragraphs: "sidebar", "ad", "footer".</summary>
    Strong = 4,

    /// <summary>Never article text whatever it holds: comments, share bars, newsletters, cookie banners, related rails.</summary>
    Always = 8,

    /// <summary>A byline: read for metadata, not shown as body.</summary>
    Byline = 16,

    /// <summary>A date or timestamp: read for metadata.</summary>
    Date = 32,

    /// <summary>A figure caption or photo credit: described the picture, not part of the text.</summary>
    Caption = 64,
}

public static class ClassHints
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Content = Lookup(
        "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text", "blog", "prose", "richtext", "copy");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Weak = Lookup(
        "paywall", "regwall", "meter", "metered", "more", "header", "hide", "hidden", "video", "audio", "player", "embed",
        "jump", "toc", "alert", "print", "teaser", "premium");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CaptionWords = Lookup(
        "caption", "captions", "figcaption", "credit", "credits", "copyright", "photocredit", "imagecredit", "legend", "legende", "bildunterschrift");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Strong = Lookup(
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "subscribe", "subscription", "signup", "signin",
        "login", "register", "trending", "popular", "mostread", "ad", "ads", "adslot", "adunit", "adcontainer", "sidebar",
        "rail", "footer", "popup", "modal", "overlay", "banner", "masthead", "skip", "toolbar", "widget", "byline", "dateline",
        "timestamp", "author", "authors", "meta", "tags", "tag", "topics", "contact", "aside", "supplementary",
        "follow", "donate", "donation", "notification", "survey", "feedback", "sr", "visually", "nocontent", "offscreen",
        "sticky", "tools", "utility", "bio", "contributor", "pagination", "pager", "rating", "ratings", "postmetadata",
        "entryfooter", "authorbox", "saboxplugin", "nextstory", "linkbox", "breaker", "disclaimer", "disclosure", "affiliate",
        "notice", "licence", "license", "legal", "scroll", "metadata", "links", "badge");

    private static readonly string[] AlwaysPrefixes =
    [
        "comment", "disqus", "cookie", "consent", "gdpr", "outbrain", "taboola", "newsletter", "share", "sharing", "social",
        "related", "recirc", "recommend", "advert", "sponsor", "promo", "optin",
    ];

    // Words that start like furniture and mean something else: "shared-layout" is the site's common frame, not a share bar.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotFurniture = Lookup("shared");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BylineWords = Lookup(
        "byline", "author", "authors", "contributor", "contributors", "writer", "reporter");

    // "has-sidebar", "no-comments", "with-ads" describe the page layout, not the element;
    // "tag-comets", "category-news" are taxonomy labels CMSs put on the article itself.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StateWords = Lookup(
        "has", "no", "with", "without", "show", "is", "enable", "enabled", "disable", "layout", "template", "page", "single", "js",
        "tag", "category", "format", "status", "type", "postid");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DateWords = Lookup(
        "date", "dates", "dateline", "timestamp", "published", "pubdate", "posted", "time", "datetime");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegativeRoles = Lookup(
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar");

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static Hint Of(IElement element)
    {
        var hint = Hint.None;
        if (element.GetAttribute("role") is { Length: > 0 } role)
        {
            if (NegativeRoles.Contains(role.AsSpan().Trim()))
            {
                hint |= Hint.Strong;
            }
            else if (role.Equals("main", StringComparison.OrdinalIgnoreCase) || role.Equals("article", StringComparison.OrdinalIgnoreCase))
            {
                hint |= Hint.Content;
            }
        }

        if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
        {
            hint |= Hint.Content;
        }

        hint |= OfNames(element.GetAttribute("class"));
        hint |= OfNames(element.GetAttribute("id"));
        return hint;
    }

    /// <summary>Reads space-separated names ("entry-content has-sidebar") one word at a time: "sideBar" and "side_bar" split too.</summary>
    public static Hint OfNames(string? names)
    {
        if (string.IsNullOrEmpty(names))
        {
            return Hint.None;
        }

        var hint = Hint.None;
        var span = names.AsSpan();
        var nameStart = 0;
        var skipName = false;
        var modifier = false;
        var wordIndex = 0;
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (char.IsWhiteSpace(c))
            {
                nameStart = i + 1;
                skipName = false;
                modifier = false;
                wordIndex = 0;
                i++;
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                modifier |= c == '-' && i > 0 && span[i - 1] == '-';
                i++;
                continue;
            }

            var start = i;
            i++;
            while (i < span.Length && char.IsAsciiLetter(span[i]) && !(char.IsAsciiLetterUpper(span[i]) && char.IsAsciiLetterLower(span[i - 1])))
            {
                i++;
            }

            var word = span[start..i];
            if (wordIndex++ == 0 && start - nameStart <= 1 && StateWords.Contains(word))
            {
                skipName = true;
            }

            if (!skipName)
            {
                hint |= modifier ? AsModifier(OfWord(word)) : OfWord(word);
            }
        }

        return hint;
    }

    // A BEM modifier ("report__section--ads") says what the block carries or how it looks, not what it is: furniture words
    // there only make the element doubtful.
    private static Hint AsModifier(Hint hint) =>
        (hint & (Hint.Strong | Hint.Always)) != 0 ? (hint & ~(Hint.Strong | Hint.Always)) | Hint.Weak : hint;

    private static Hint OfWord(ReadOnlySpan<char> word)
    {
        var hint = Hint.None;
        if (BylineWords.Contains(word))
        {
            hint |= Hint.Byline;
        }

        if (DateWords.Contains(word))
        {
            hint |= Hint.Date;
        }

        if (CaptionWords.Contains(word))
        {
            return hint | Hint.Caption;
        }

        if (Content.Contains(word))
        {
            return hint | Hint.Content;
        }

        if (Strong.Contains(word))
        {
            return hint | Hint.Strong;
        }

        if (Weak.Contains(word))
        {
            return hint | Hint.Weak;
        }

        if (NotFurniture.Contains(word))
        {
            return hint;
        }

        foreach (var prefix in AlwaysPrefixes)
        {
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return hint | Hint.Always;
            }
        }

        return hint;
    }
}
