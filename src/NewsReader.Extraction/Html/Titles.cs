namespace NewsReader.Extraction.Html;

/// <summary>Takes the site's name off a page title: "Headline | Site", "Headline - Site", "Site: Headline".</summary>
public static class Titles
{
    private static readonly string[] PipeSeparators = [" | ", " || ", " · ", " :: ", " » "];
    private static readonly string[] DashSeparators = [" - ", " – ", " — "];
    private const int MaxSuffixWords = 5;

    public static string Clean(string title, string? site, string? host)
    {
        title = Collapse(System.Net.WebUtility.HtmlDecode(title));
        for (var guard = 0; guard < 3; guard++)
        {
            var stripped = StripOnce(title, site, host);
            if (stripped == title)
            {
                break;
            }

            title = stripped;
        }

        return title;
    }

    /// <summary>
    /// Splits "Site: Headline" or "Headline - Site" where one side is a heading on the page: that side is the title,
    /// the other the site. When both sides are headings (the logo's h1 and the article's), the one further down the
    /// page is the title: a site prints its name above its articles. Null when no side matches a heading.
    /// </summary>
    public static (string Title, string Site)? SplitOnHeading(string title, IEnumerable<string> headings)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in headings.Select(Key).Where(k => k.Length > 0))
        {
            order.TryAdd(key, order.Count);
        }

        foreach (var sep in PipeSeparators.Concat(DashSeparators).Append(": "))
        {
            var i = title.IndexOf(sep, StringComparison.Ordinal);
            var last = title.LastIndexOf(sep, StringComparison.Ordinal);
            var afterFirst = i > 0 && order.TryGetValue(Key(title[(i + sep.Length)..]), out var a) ? a : -1;
            var beforeLast = last > 0 && order.TryGetValue(Key(title[..last]), out var b) ? b : -1;
            if (afterFirst >= 0 && afterFirst >= beforeLast)
            {
                return (title[(i + sep.Length)..].Trim(), title[..i].Trim());
            }

            if (beforeLast >= 0)
            {
                return (title[..last].Trim(), title[(last + sep.Length)..].Trim());
            }
        }

        return null;
    }

    /// <summary>The part after the last " | " of a title, when it looks like a site name; null otherwise.</summary>
    public static string? SiteSuffix(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = Collapse(title);
        foreach (var sep in PipeSeparators)
        {
            var i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i > 0)
            {
                var suffix = title[(i + sep.Length)..].Trim();
                return suffix.Length > 0 && WordCount(suffix) <= MaxSuffixWords ? suffix : null;
            }
        }

        return null;
    }

    private static string StripOnce(string title, string? site, string? host)
    {
        foreach (var sep in PipeSeparators.Concat(DashSeparators))
        {
            var i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i <= 0)
            {
                continue;
            }

            var head = title[..i].Trim();
            var suffix = title[(i + sep.Length)..].Trim();
            var isPipe = PipeSeparators.Contains(sep);
            if (IsSite(suffix, site, host) || (isPipe && WordCount(suffix) <= MaxSuffixWords && WordCount(head) >= 2))
            {
                return head;
            }
        }

        // "Site: Headline" and "Site | Headline" when the prefix is the site.
        foreach (var sep in PipeSeparators.Concat(DashSeparators).Append(": "))
        {
            var i = title.IndexOf(sep, StringComparison.Ordinal);
            if (i > 0 && IsSite(title[..i].Trim(), site, host))
            {
                return title[(i + sep.Length)..].Trim();
            }
        }

        return title;
    }

    /// <summary>True when the text names the site: its name, or its host ("The Daily Planet" ~ dailyplanet.com).</summary>
    public static bool IsSite(string text, string? site, string? host)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return false;
        }

        if (site is not null && WithoutThe(key) == WithoutThe(Key(site)))
        {
            return true;
        }

        if (host is null)
        {
            return false;
        }

        var hostKey = Key(host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host);
        var label = Key(host.Split('.').Where(l => l != "www").MaxBy(l => l.Length) ?? "");
        return key == hostKey || (label.Length >= 3 && (key == label || key == "the" + label || key.Replace("com", "", StringComparison.Ordinal) == label));
    }

    /// <summary>Text compared on its letters and digits alone, lower-cased: punctuation, spacing and escapes aside.</summary>
    internal static string Key(string s) =>
        new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string WithoutThe(string key) => key.StartsWith("the", StringComparison.Ordinal) && key.Length > 6 ? key[3..] : key;

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
