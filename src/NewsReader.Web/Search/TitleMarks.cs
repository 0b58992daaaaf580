using NewsReader.Search.Highlighting;

namespace NewsReader.Search;

/// <summary>
/// Marks the search words in result headlines, with the same folding and stemming as the body snippets: words searched
/// anywhere and <c>title:</c> words count; <c>author:</c> and <c>source:</c> words are not about the headline.
/// </summary>
public sealed class TitleMarks(SearchQuery query)
{
    private readonly SnippetBuilder _builder = new(query with
    {
        Groups = query.Groups
            .Select(g => (IReadOnlyList<SearchTerm>)g.Where(t => t.Field is SearchField.Anywhere or SearchField.Title).Select(t => t with { Field = SearchField.Anywhere }).ToList())
            .Where(g => g.Count > 0)
            .ToList(),
    });

    /// <summary>The headline as safe HTML: encoded, matched words in &lt;mark&gt;. A headline too long for one snippet window is shown whole, unmarked.</summary>
    public string Html(string title)
    {
        var marked = _builder.Build(title);
        var plain = marked.Replace(Snippets.Open.ToString(), "", StringComparison.Ordinal).Replace(Snippets.Close.ToString(), "", StringComparison.Ordinal);
        return Snippets.ToHtml(plain == title.Replace('\n', ' ').Trim() ? marked : Strip(title));
    }

    // The reader's own marker characters in a headline must not turn into marks.
    private static string Strip(string title) => title.Replace(Snippets.Open, ' ').Replace(Snippets.Close, ' ');
}
