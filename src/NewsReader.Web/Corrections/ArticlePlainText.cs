using NewsReader.Articles;

namespace NewsReader.Corrections;

/// <summary>Plain text and list fields of an article text, computed the way ingestion computes them.</summary>
public static partial class ArticlePlainText
{
    /// <summary>Blocks of plain text separated by blank lines, like ingestion's body_text.</summary>
    public static string FromMarkdown(string markdown) =>
        string.Join("\n\n", BlankLines().Split(markdown.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(BodyRenderer.ToPlainText)
            .Where(b => b.Length > 0));

    public static object ArticleRow(long articleId, long revisionId, string title, string bodyText) => new
    {
        articleId, revisionId, title,
        excerpt = Excerpts.From(bodyText.Split("\n\n")),
        words = ReadingTime.CountWords(bodyText),
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial System.Text.RegularExpressions.Regex BlankLines();
}
