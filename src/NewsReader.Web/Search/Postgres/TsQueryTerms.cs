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

    public static readonly TsQueryTerms None = new([], [], [], []);

    /// <summary>Every term, each limited to the field it names.</summary>
    public static TsQueryTerms From(SearchQuery query) => Build(query.Groups, query.Exclusions, _ => null);

    /// <summary>
    /// The query with every word limited to the title and byline, as the FTS5 strong match is (exclusions are left to the
    /// whole query); <see cref="None"/> when no article can match so, because a word is limited to the outlet name.
    /// </summary>
    public static TsQueryTerms Strong(SearchQuery query) =>
        query.Groups.Any(g => g.Any(t => t.Field == SearchField.Source))
            ? None
            : Build(query.Groups, [], t => t.Field == SearchField.Anywhere ? "AB" : null);

    /// <summary>
    /// The groups whose every term names a field, for the headline index: an article must match them there. <see cref="None"/>
    /// when no group does.
    /// </summary>
    public static TsQueryTerms Headline(SearchQuery query) =>
        Build(query.Groups.Where(g => g.All(t => t.Field != SearchField.Anywhere)).ToList(), [], _ => null);

    /// <summary>The number of positive terms (those ranked).</summary>
    public int PositiveCount => Groups.Count(g => g != Excluded);

    /// <summary>
    /// True when matching the loose query (words only, see <c>search_query</c>) is matching the query: no phrase, no
    /// field, every exclusion a single word. Then what GIN finds needs no checking against the positions.
    /// </summary>
    public bool LooseIsExact => Words.Zip(Weights).All(t => !t.First.Contains(' ', StringComparison.Ordinal) && t.Second.Length == 0);

    private static TsQueryTerms Build(IReadOnlyList<IReadOnlyList<SearchTerm>> groups, IReadOnlyList<SearchTerm> exclusions, Func<SearchTerm, string?> weights)
    {
        var terms = groups.SelectMany((g, i) => g.Select(t => (Term: t, Group: i + 1)))
            .Concat(exclusions.Select(t => (Term: t, Group: Excluded)))
            .ToList();
        return new TsQueryTerms(
            terms.Select(t => t.Term.Text).ToArray(),
            terms.Select(t => weights(t.Term) ?? FieldWeight(t.Term.Field)).ToArray(),
            terms.Select(t => t.Term.IsPrefix).ToArray(),
            terms.Select(t => t.Group).ToArray());
    }

    private static string FieldWeight(SearchField field) => field switch
    {
        SearchField.Title => "A",
        SearchField.Author => "B",
        SearchField.Source => "C",
        _ => "",
    };
}
