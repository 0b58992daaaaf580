using System.Text;
using NewsReader.Extraction;
using NewsReader.Ingestion;
using NewsReader.Extraction.Html;

namespace NewsReader.Tests.Extraction;

/// <summary>Small pages for unit tests: a head and a byline around an ordinary article body.</summary>
public static class HtmlPages
{
    public const string Paragraph = "The harbour board voted on Tuesday to rebuild the ferry terminal, ending three years of argument over the cost of the work.";

    public static ParsedArticle Parse(string head, string bodyTop = "", string article = "", string lang = "en") =>
        new HtmlArticleParser().Parse(Encoding.UTF8.GetBytes(Page(head, bodyTop, article, lang)), "page.html");

    public static string Page(string head, string bodyTop = "", string article = "", string lang = "en") =>
        $"""
        <!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>
        <body><nav><a href="/">Home</a><a href="/news">News</a></nav>{bodyTop}
        <article><div class="article-body">{(article.Length > 0 ? article : $"<p>{Paragraph}</p><p>{Paragraph} It is the second paragraph.</p>")}</div></article>
        <footer><p>© 2025 Example Media</p></footer></body></html>
        """;
}
