using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>
/// The article's pictures, written as Markdown images: a figure's caption and credit become the image's title (shown as
/// its caption), the page's width and height ride along as a "#640x480" size hint on the address, and lazy-loading
/// pages' real address (data-src, srcset) is preferred over a placeholder. Icons, logos, avatars and tracking pixels
/// are not pictures of the article, nor are teasers (a picture linking to another page) and loading placeholders. Relative addresses stay relative: they name files saved beside the page.
/// </summary>
public static class PageImages
{
    private const int MinPicture = 48;
    private const int MaxFigureText = 40;
    private const int MaxCaption = 500;
    private const int MaxGallery = 20;

    private static readonly string[] Decoration = ["icon", "logo", "avatar", "emoji", "spacer", "pixel", "sprite", "badge", "gravatar", "loading", "placeholder", "spinner", "blank.", "zoom"];

    /// <summary>An image block for an img, picture or figure holding a picture of the article; null for anything else.</summary>
    public static ArticleBlock? Read(IElement e, Uri? baseUri)
    {
        if (e.LocalName != "figure" && e.Closest("p") is { } paragraph && Dom.TextOf(paragraph).Length > 0)
        {
            return null; // a picture inside a line of text (an icon, an emoji) would cut the paragraph in two
        }

        // A figure may be a gallery: each of its pictures, once (a lazy page repeats one in <noscript>), the caption last.
        var pictures = (e.LocalName == "img" ? [e] : e.QuerySelectorAll("img").ToList())
            .Select(i => (Image: i, Source: Source(i, baseUri))).Where(p => p.Source is not null && !IsDecoration(p.Image)).DistinctBy(p => p.Source)
            .Take(e.LocalName == "figure" ? MaxGallery : 1).ToList();
        if (pictures.Count == 0)
        {
            return null;
        }

        var caption = pictures[0].Image.GetAttribute("title");
        if (e.LocalName == "figure")
        {
            var figcaption = e.QuerySelector("figcaption");
            var captionText = figcaption is null ? "" : Dom.TextOf(figcaption, MaxCaption);
            if (Dom.TextOf(e).Length - captionText.Length > MaxFigureText)
            {
                return null; // a figure used as a wrapper of text: its paragraphs are walked as usual
            }

            // The figure's few words: its caption and a credit beside it ("© Aton"), in the page's order.
            caption = Dom.TextOf(e, MaxCaption);
        }

        var md = new StringBuilder();
        foreach (var (image, source) in pictures)
        {
            md.Append(md.Length > 0 ? "\n\n![" : "![").Append(MarkdownText.Escape(Collapse(image.GetAttribute("alt")))).Append("](")
                .Append(source).Append(SizeHint(image));
            if (image == pictures[^1].Image && Collapse(caption) is { Length: > 0 } title)
            {
                md.Append(" \"").Append(title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
            }

            md.Append(')');
        }

        return new ArticleBlock(BlockKind.Image, "", md.ToString());
    }

    /// <summary>
    /// The picture's address as Markdown can hold it: web addresses absolute, site paths made absolute against the
    /// page's address (dropped without one), relative paths kept; data:, javascript: and other schemes never.
    /// </summary>
    private static string? Source(IElement image, Uri? baseUri)
    {
        foreach (var candidate in new[] { "data-src", "data-original", "data-lazy-src", "src", "srcset", "data-srcset" }.Select(image.GetAttribute))
        {
            var url = candidate?.Trim().Split(',', 2)[0].Trim().Split(' ', 2)[0]; // srcset: the first candidate's address
            if (string.IsNullOrEmpty(url) || url.StartsWith('#'))
            {
                continue;
            }

            if (url.StartsWith("//", StringComparison.Ordinal))
            {
                url = "https:" + url;
            }

            if (url.StartsWith('/'))
            {
                url = baseUri is not null && Uri.TryCreate(baseUri, url, out var onSite) ? onSite.AbsoluteUri : null;
            }
            else if (url.Contains(':', StringComparison.Ordinal))
            {
                url = Uri.TryCreate(url, UriKind.Absolute, out var web) && web.Scheme is "http" or "https" ? web.AbsoluteUri : null;
            }

            if (url is not null)
            {
                return url.Replace(" ", "%20", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
                    .Replace(")", "%29", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
            }
        }

        return null;
    }

    private static string SizeHint(IElement image) =>
        Pixels(image, "width") is { } w && Pixels(image, "height") is { } h ? string.Create(CultureInfo.InvariantCulture, $"#{w}x{h}") : "";

    private static int? Pixels(IElement image, string name) =>
        int.TryParse(image.GetAttribute(name)?.Trim().TrimEnd('x', 'p'), NumberStyles.None, CultureInfo.InvariantCulture, out var px) && px > 0 ? px : null;

    private static bool IsDecoration(IElement image)
    {
        if (Pixels(image, "width") < MinPicture || Pixels(image, "height") < MinPicture)
        {
            return true;
        }

        // A picture that links to another page is a teaser for it (a link to a bigger copy of the picture is not).
        if (image.Closest("a")?.GetAttribute("href") is { Length: > 0 } href && !href.StartsWith('#') && !IsImageFile(href))
        {
            return true;
        }

        var words = string.Join(' ', image.ClassName, image.Id, image.ParentElement?.ClassName, (image.GetAttribute("src") ?? "").Split('?', '#')[0]).ToLowerInvariant();
        return Decoration.Any(d => words.Contains(d, StringComparison.Ordinal));
    }

    private static bool IsImageFile(string href) =>
        Path.GetExtension(FileName(href)).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".gif" or ".webp" or ".avif";

    private static string FileName(string? url) => (url ?? "").Split('?', '#')[0].Split('/')[^1];

    private static string Collapse(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
