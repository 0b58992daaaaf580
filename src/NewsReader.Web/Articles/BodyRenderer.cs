using System.Text;
using Ganss.Xss;
using Markdig;
using NewsReader.Extraction;
using NewsReader.Ingestion;

namespace NewsReader.Articles;

/// <summary>
/// Renders stored Markdown (article bodies, correction notes) to HTML that is safe to put on a page.
/// Raw HTML is disabled in Markdig and the output is sanitized against an allowlist anyway,
/// because DisableHtml still lets <c>javascript:</c> links through.
/// </summary>
public static class BodyRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseFigures()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>
    /// <see cref="ToHtml(string)"/> for a body that may be plain paragraphs. When the Markdown is exactly those paragraphs as
    /// <see cref="MarkdownText.FromParagraphs"/> escapes them, the HTML is made directly, each paragraph encoded as text in a
    /// <c>p</c>: the same HTML the pipeline and sanitiser give, as tests compare, without their cost (most of the cost of
    /// ingesting a text file). Anything else, or a paragraph the shortcut does not cover, takes the full path.
    /// </summary>
    public static string ToHtml(string markdown, IReadOnlyList<string> paragraphs)
    {
        if (paragraphs.Count == 0 || !paragraphs.All(IsPlainLine) || markdown != MarkdownText.FromParagraphs(paragraphs))
        {
            return ToHtml(markdown);
        }

        var html = new StringBuilder(markdown.Length + paragraphs.Count * 8);
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p>");
            foreach (var c in paragraph)
            {
                // The characters the sanitiser's serialiser encodes in text; everything else is written as it is.
                _ = c switch
                {
                    '&' => html.Append("&amp;"),
                    '<' => html.Append("&lt;"),
                    '>' => html.Append("&gt;"),
                    '\u00A0' => html.Append("&nbsp;"),
                    _ => html.Append(c),
                };
            }

            html.Append("</p>\n");
        }

        return html.ToString();
    }

    /// <summary>Plain text of Markdown, for excerpts, search and diffs.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>
    /// One line of text Markdown turns into a paragraph of the very same characters: none at either end that Markdown trims,
    /// no control characters (line breaks, tabs, NUL), no unpaired surrogate the HTML parser would replace.
    /// </summary>
    private static bool IsPlainLine(string line)
    {
        if (line.Length == 0 || char.IsWhiteSpace(line[0]) || char.IsWhiteSpace(line[^1]))
        {
            return false;
        }

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c < ' ' || c == '\u007F')
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == line.Length || !char.IsLowSurrogate(line[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup",
                "small", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
                "caption", "figure", "figcaption", "cite", "q", "abbr", "time", "dl", "dt", "dd", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "title", "datetime", "colspan", "rowspan", "scope", "start", "cite", "src", "alt", "width", "height",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "cite", "src" },
        };
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link
                && link.GetAttribute("href") is { } href
                && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        sanitizer.PostProcessDom += (_, e) => ArticleImages.Shape(e.Document);
        return sanitizer;
    }
}
