namespace NewsReader.Search.Postgres;

/// <summary>
/// A parsed query as the parameters of <c>search_query()</c> and <c>search_term()</c> (see
/// <see cref="PostgresSearchSchema"/>): one array entry per term, in the parser's order. The reader's words travel only
/// as parameter values; the SQL text never changes with the query. Weights are those of the tsvector: title A, byline B,
/// outlet C (body D is "anywhere").
/// </summary>
public sealed record TsQueryTerms(string[] Words, string[] Weights, bool[] Prefixes, int[] Groups)
{
    /// <summary>The group of an excluded term; positive terms are in groups 1, 2, ... (alternatives share one).</summary>
    public const int Excluded = 0;

    /// <summary>Every term, each limited to the field it names.</summary>
    public static TsQueryTerms From(SearchQuery query) => Build(query, strong: false);

    /// <summary>
    /// The query with every word limited to the title and byline, as the FTS5 strong match is (exclusions still apply
    /// everywhere); null when no article can match so, because a word is limited to the outlet name.
    /// </summary>
    public static TsQueryTerms? Strong(SearchQuery query) =>
        query.Groups.Any(g => g.Any(t => t.Field == SearchField.Source)) ? null : Build(query, strong: true);

    private static TsQueryTerms Build(SearchQuery query, bool strong)
    {
        var terms = query.Groups.SelectMany((g, i) => g.Select(t => (Term: t, Group: i + 1)))
            .Concat(query.Exclusions.Select(t => (Term: t, Group: Excluded)))
            .ToList();
        return new TsQueryTerms(
            terms.Select(t => t.Term.Text).ToArray(),
            terms.Select(t => t.Term.Field switch
            {
                SearchField.Title => "A",
                SearchField.Author => "B",
                SearchField.Source => "C",
                _ => strong && t.Group != Excluded ? "AB" : "",
            }).ToArray(),
            terms.Select(t => t.Term.IsPrefix).ToArray(),
            terms.Select(t => t.Group).ToArray());
    }
}
