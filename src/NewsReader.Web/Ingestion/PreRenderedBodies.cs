using System.Runtime.CompilerServices;
using NewsReader.Articles;

namespace NewsReader.Ingestion;

/// <summary>
/// Body HTML rendered ahead of storing. Rendering and sanitising is the largest cost of ingestion, so the ingester does
/// it on the parallel parse stage and the single writer only picks the result up. Keyed by the parsed article itself
/// (by reference), so an entry lives exactly as long as that article.
/// </summary>
public static class PreRenderedBodies
{
    private static readonly ConditionalWeakTable<ParsedArticle, string> Rendered = [];

    public static void RenderAhead(ParsedArticle article) => Rendered.AddOrUpdate(article, BodyRenderer.ToHtml(article.BodyMarkdown));

    /// <summary>The HTML rendered ahead for this article, or rendered now.</summary>
    public static string HtmlFor(ParsedArticle article) =>
        Rendered.TryGetValue(article, out var html) ? html : BodyRenderer.ToHtml(article.BodyMarkdown);
}
