using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsReader.Articles;

/// <summary>
/// Images in article bodies, after the sanitizer: only web (http, https) and this site's own paths load; every image
/// loads lazily without telling the image host which page it is on; an image alone in its paragraph becomes a figure,
/// its Markdown title the caption; width and height come from a size hint (<see cref="TakeSizeHint"/>). The first image is the article's lead image (og:image, JSON-LD).
/// </summary>
public static class ArticleImages
{
    private const int MaxDimension = 10_000;

    public static void Shape(IHtmlDocument document)
    {
        foreach (var image in document.QuerySelectorAll("img").ToList())
        {
            if (!IsAllowedSource(image.GetAttribute("src")))
            {
                // A missing image says so in its alt text rather than vanish without a trace.
                var alt = image.GetAttribute("alt");
                if (string.IsNullOrWhiteSpace(alt))
                {
                    image.Remove();
                }
                else
                {
                    image.Replace(document.CreateTextNode(alt));
                }

                continue;
            }

            TakeSizeHint(image);
            foreach (var dimension in new[] { "width", "height" })
            {
                if (image.GetAttribute(dimension) is { } value && !(int.TryParse(value, out var pixels) && pixels is > 0 and <= MaxDimension))
                {
                    image.RemoveAttribute(dimension);
                }
            }

            image.SetAttribute("alt", image.GetAttribute("alt") ?? "");
            image.SetAttribute("loading", "lazy");
            image.SetAttribute("decoding", "async");
            image.SetAttribute("referrerpolicy", "no-referrer");
            if (image.ParentElement is { LocalName: "p" } paragraph && paragraph.ChildNodes.All(n => n == image || n is IText { Data: var t } && string.IsNullOrWhiteSpace(t)))
            {
                var figure = document.CreateElement("figure");
                paragraph.Replace(figure);
                figure.AppendChild(image);
                if (image.GetAttribute("title") is { Length: > 0 } caption)
                {
                    var figcaption = document.CreateElement("figcaption");
                    figcaption.TextContent = caption;
                    figure.AppendChild(figcaption);
                    image.RemoveAttribute("title");
                }
            }
        }
    }

    /// <summary>
    /// Moves a "#640x480" size hint at the end of the address (written by ingestion from the page's attributes or the
    /// stored image's header) into width and height, unless the image has them, so the browser keeps its space before
    /// it loads. Images without a size get a CSS aspect-ratio instead.
    /// </summary>
    private static void TakeSizeHint(IElement image)
    {
        var src = image.GetAttribute("src")!;
        var hash = src.LastIndexOf('#');
        var x = hash < 0 ? -1 : src.IndexOf('x', hash);
        if (x < 0 || !int.TryParse(src.AsSpan(hash + 1, x - hash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(src.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            return;
        }

        image.SetAttribute("src", src[..hash]);
        if (image.GetAttribute("width") is null && image.GetAttribute("height") is null)
        {
            image.SetAttribute("width", width.ToString(CultureInfo.InvariantCulture));
            image.SetAttribute("height", height.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The first image's address, absolute (site paths are given the site's base), or null without images.</summary>
    public static string? Lead(string bodyHtml, string siteBase)
    {
        var at = bodyHtml.IndexOf("<img ", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        // The tag alone is parsed (it decodes the attribute's entities); the body around it need not be.
        var end = bodyHtml.IndexOf('>', at);
        var tag = end < 0 ? bodyHtml[at..] : bodyHtml[at..(end + 1)];
        var src = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + tag).QuerySelector("img")?.GetAttribute("src");
        return !IsAllowedSource(src) ? null : src!.StartsWith('/') ? siteBase.TrimEnd('/') + src : src;
    }

    /// <summary>Body HTML with this site's image paths ("/media/…") made absolute, for feeds, which are read away from the site.</summary>
    public static string WithAbsoluteSources(string bodyHtml, string siteBase) =>
        bodyHtml.Replace(" src=\"/", " src=\"" + siteBase.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>http(s) addresses, and paths on this site ("/media/…"), never "//host" or other schemes (data:, javascript:, file:).</summary>
    public static bool IsAllowedSource(string? src) =>
        src is { Length: > 1 } && (src[0] == '/' ? src[1] is not ('/' or '\\')
            : Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}
