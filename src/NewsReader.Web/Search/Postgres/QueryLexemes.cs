using System.Data.Common;
using Dapper;

namespace NewsReader.Search.Postgres;

/// <summary>
/// What a search on the postings (<see cref="SearchPostingsSchema"/>) needs to know before it reads any, in one
/// statement: each term's words as the index holds them (the lexemes the same parser, <c>unaccent</c> and stemmer give,
/// in order, each with the ids of <c>search_lexemes</c> it stands for: one id, none when no article has the word, or for a
/// prefix every lexeme it starts, up to <see cref="MaxExpansions"/> and one more, to tell a prefix that covers too
/// many); and, when asked, how many of the newest <see cref="ShareSample"/> articles in the filters hold each word, for
/// ranking. The lexemes also give the query as tsquery text (<see cref="TsQueryText"/>) for the merges' checks.
/// </summary>
public sealed record QueryLexemes(IReadOnlyList<IReadOnlyList<TermWord>> Terms, int Sample)
{
    /// <summary>A prefix covering more lexemes than this is not read from the postings: merging that many lists costs more than it saves.</summary>
    public const int MaxExpansions = 12;

    /// <summary>The newest articles in the filters whose share holding a word estimates its rarity.</summary>
    public const int ShareSample = MatchCollector.ProbeSize;

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
        k AS MATERIALIZED (SELECT COALESCE(min(sort_key), 0) AS k, count(*)::int AS n FROM sample)
        SELECT w.term AS Term, w.lexeme AS Lexeme, w.is_prefix AS IsPrefix, l.ids AS Ids,
               CASE WHEN @Count
                    THEN (SELECT count(DISTINCT p.sort_key) FROM unnest(l.ids) AS i(id), search_postings p
                          WHERE p.lexeme_id = i.id AND p.sort_key >= k.k AND p.sort_key < @High)::int
                    ELSE 0 END AS Holding,
               k.n AS Sample
        FROM w
        CROSS JOIN LATERAL (
            SELECT ARRAY(SELECT l.id FROM search_lexemes l WHERE NOT w.is_prefix AND l.lexeme = w.lexeme
                         UNION ALL
                         (SELECT l.id FROM search_lexemes l
                          WHERE w.is_prefix AND l.lexeme >= w.lexeme AND l.lexeme < w.lexeme || chr(1114111)
                          ORDER BY l.lexeme LIMIT {MaxExpansions + 1})) AS ids) l
        CROSS JOIN k
        ORDER BY w.term, w.pos
        """;

    /// <summary>The words of <paramref name="terms"/>; counted in the newest articles when <paramref name="count"/>.</summary>
    public static async Task<QueryLexemes> LoadAsync(DbConnection c, SearchPlan plan, TsQueryTerms terms, bool count, CancellationToken ct)
    {
        var args = MatchCollector.Arguments(plan, terms);
        args.Add("Count", count);
        var rows = (await c.QueryAsync<Row>(new CommandDefinition(Sql(plan.OutletId is not null), args, cancellationToken: ct))).AsList();
        var byTerm = rows.ToLookup(r => r.Term);
        return new QueryLexemes(
            Enumerable.Range(1, terms.Words.Length)
                .Select(i => (IReadOnlyList<TermWord>)byTerm[i].Select(r => new TermWord(r.Lexeme, r.IsPrefix, r.Ids, r.Holding)).ToList())
                .ToList(),
            rows.Count == 0 ? 0 : rows[0].Sample);
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
