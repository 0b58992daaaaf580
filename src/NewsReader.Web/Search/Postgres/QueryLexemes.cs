using System.Data.Common;
using Dapper;

namespace NewsReader.Search.Postgres;

/// <summary>
/// What a search on the postings (<see cref="SearchPostingsSchema"/>) needs to know before it reads any, in one
/// statement: each term's words as the index holds them (the lexemes the same parser, <c>unaccent</c> and stemmer give,
/// in order, each with the ids of <c>search_lexemes</c> it stands for: one id, none when no article has the word, or for a
/// prefix every lexeme it starts, up to <see cref="MaxExpansions"/> and one more, to tell a prefix that covers too
/// many); when asked, how many of the newest <see cref="ShareSample"/> articles in the filters hold each word, for ranking;
/// and, when asked, the query and its headline form as tsquery text, which the merges' checks read as parameters (built
/// inside the statement they would be planned each time: the function runs at planning, 0.5–1 ms).
/// </summary>
public sealed record QueryLexemes(IReadOnlyList<IReadOnlyList<TermWord>> Terms, int Sample, string? Query, string? Strong)
{
    /// <summary>A prefix covering more lexemes than this is not read from the postings: merging that many lists costs more than it saves.</summary>
    public const int MaxExpansions = 12;

    /// <summary>The newest articles in the filters whose share holding a word estimates its rarity.</summary>
    public const int ShareSample = MatchCollector.ProbeSize;

    // The query and its headline form as tsquery text, when asked for (a query of single words needs neither).
    private const string TextsSql = """
        SELECT CASE WHEN @Texts THEN search_query(@Words, @Weights, @Prefixes, @Groups, false)::text END AS exact,
               CASE WHEN @Texts THEN search_query(@StrongWords, @StrongWeights, @StrongPrefixes, @StrongGroups, false)::text END AS strong
        """;

    private static string Sql(bool outlet) => $"""
        WITH w AS MATERIALIZED (
            SELECT t.i::int AS term, x.lexeme COLLATE "C" AS lexeme, x.pos::int AS pos, t.prefix AND x.pos = x.last AS is_prefix
            FROM unnest(@Words::text[], @Prefixes::boolean[]) WITH ORDINALITY AS t(words, prefix, i),
                 LATERAL (SELECT u.lexeme, p.pos, max(p.pos) OVER () AS last
                          FROM unnest(to_tsvector('search_words', search_words(t.words))) u, unnest(u.positions) AS p(pos)) x),
        sample AS MATERIALIZED (
            SELECT v.sort_key FROM search_vectors v
            WHERE @Count AND v.sort_key >= @Low AND v.sort_key < @High{MatchCollector.Outlet("v", outlet)}
            ORDER BY v.sort_key DESC LIMIT {ShareSample}),
        k AS MATERIALIZED (SELECT COALESCE(min(sort_key), 0) AS k, count(*)::int AS n FROM sample),
        q AS MATERIALIZED ({TextsSql})
        SELECT w.term AS Term, w.lexeme AS Lexeme, w.is_prefix AS IsPrefix, l.ids AS Ids,
               CASE WHEN @Count
                    THEN (SELECT count(DISTINCT p.sort_key) FROM search_postings p WHERE p.lexeme_id = ANY (l.ids) AND p.sort_key >= k.k AND p.sort_key < @High)::int
                    ELSE 0 END AS Holding,
               k.n AS Sample, q.exact AS Query, q.strong AS Strong
        FROM w
        CROSS JOIN LATERAL (
            SELECT ARRAY(SELECT l.id FROM search_lexemes l WHERE NOT w.is_prefix AND l.lexeme = w.lexeme
                         UNION ALL
                         (SELECT l.id FROM search_lexemes l
                          WHERE w.is_prefix AND l.lexeme >= w.lexeme AND l.lexeme < w.lexeme || chr(1114111)
                          ORDER BY l.lexeme LIMIT {MaxExpansions + 1})) AS ids) l
        CROSS JOIN k CROSS JOIN q
        ORDER BY w.term, w.pos
        """;

    /// <summary>
    /// The words of <paramref name="terms"/>; counted in the newest articles when <paramref name="count"/>; with the
    /// tsquery texts when <paramref name="texts"/>.
    /// </summary>
    public static async Task<QueryLexemes> LoadAsync(DbConnection c, SearchPlan plan, TsQueryTerms terms, bool count, bool texts, CancellationToken ct)
    {
        var rows = (await c.QueryAsync<Row>(new CommandDefinition(Sql(plan.OutletId is not null), Arguments(plan, terms, count, texts), cancellationToken: ct))).AsList();
        var byTerm = rows.ToLookup(r => r.Term);
        return new QueryLexemes(
            Enumerable.Range(1, terms.Words.Length)
                .Select(i => (IReadOnlyList<TermWord>)byTerm[i].Select(r => new TermWord(r.Lexeme, r.IsPrefix, r.Ids, r.Holding)).ToList())
                .ToList(),
            rows.Count == 0 ? 0 : rows[0].Sample,
            rows.Count == 0 ? null : rows[0].Query,
            rows.Count == 0 ? null : rows[0].Strong);
    }

    /// <summary>The query and its headline form as tsquery text (null when no word has a lexeme).</summary>
    public static async Task<(string? Query, string? Strong)> TextsAsync(DbConnection c, SearchPlan plan, TsQueryTerms terms, CancellationToken ct) =>
        await c.QuerySingleAsync<(string?, string?)>(new CommandDefinition(TextsSql, Arguments(plan, terms, false, true), cancellationToken: ct));

    /// <summary>
    /// Whether the merges will likely need the tsquery texts: for anything but single words in groups of their own. A
    /// word the database splits further (a hyphenated one) gets them from <see cref="TextsAsync"/> after all.
    /// </summary>
    public static bool LikelyNeedsTexts(SearchQuery query) =>
        query.Exclusions.Count > 0 || query.Groups.Any(g => g.Count > 1)
        || query.Groups.SelectMany(g => g).Any(t => !t.Text.EnumerateRunes().All(Highlighting.TokenReader.IsWordRune));

    private static DynamicParameters Arguments(SearchPlan plan, TsQueryTerms terms, bool count, bool texts)
    {
        var strong = TsQueryTerms.Strong(plan.Query);
        var args = MatchCollector.Arguments(plan, terms);
        args.AddDynamicParams(new
        {
            StrongWords = strong.Words, StrongWeights = strong.Weights, StrongPrefixes = strong.Prefixes, StrongGroups = strong.Groups,
            Count = count, Texts = texts,
        });
        return args;
    }

    // Properties, not a constructor: Npgsql reports an array column as System.Array, which no constructor signature matches.
    private sealed class Row
    {
        public int Term { get; init; }

        public string Lexeme { get; init; } = "";

        public bool IsPrefix { get; init; }

        public int[] Ids { get; init; } = [];

        public int Holding { get; init; }

        public int Sample { get; init; }

        public string? Query { get; init; }

        public string? Strong { get; init; }
    }
}

/// <summary>
/// One word of a term: its lexeme, whether it is a prefix, the lexeme ids it stands for, and how many of the newest
/// articles hold it (when counted).
/// </summary>
public sealed record TermWord(string Lexeme, bool IsPrefix, int[] Ids, int Holding = 0)
{
    /// <summary>A prefix covering too many lexemes to read their postings.</summary>
    public bool TooWide => Ids.Length > QueryLexemes.MaxExpansions;

    /// <summary>A whole word the index holds: one lexeme, which a posting's <c>follows</c> can name.</summary>
    public bool IsOneLexeme => !IsPrefix && Ids.Length == 1;
}
