using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NewsReader.Search;

/// <summary>
/// FTS5 wraps matched words in two private-use characters, never in HTML: the text between them is encoded here and
/// only then are the markers turned into &lt;mark&gt;, so article text can never inject markup.
/// </summary>
public static class Snippets
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    // Encodes markup characters but keeps letters such as é readable in the HTML and the JSON.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(string snippet)
    {
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= snippet.Length; i++)
        {
            if (i < snippet.Length && snippet[i] is not (Open or Close))
            {
                continue;
            }

            html.Append(Encoder.Encode(snippet[start..i]));
            start = i + 1;
            // A stray marker in the article's own text cannot unbalance the tags: only state changes emit one.
            if (i < snippet.Length && snippet[i] == Open && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if ((i == snippet.Length || snippet[i] == Close) && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        return html.ToString();
    }
}
