using NewsReader.Extraction.Html;
using NewsReader.Extraction.Markdown;
using NewsReader.Extraction.Text;

namespace NewsReader.Extraction;

/// <summary>Every input format the library reads.</summary>
public static class ArticleParsers
{
    /// <summary>One parser per format; order matters only when two claim one extension (the first wins).</summary>
    public static IReadOnlyList<IArticleParser> All() => [new TextArticleParser(), new HtmlArticleParser(), new MarkdownArticleParser()];
}
