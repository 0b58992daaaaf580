using System.Data.Common;
using Dapper;

namespace NewsReader.Search.Postgres;

/// <summary>
/// Each term's words as the postings index holds them (<see cref="SearchPostingsSchema"/>): the lexemes the same
/// parser, <c>unaccent</c> and stemmer give, in order, each with the ids of <c>search_lexemes</c> it stands for: one id, none
/// when no article has the word, or for a prefix every lexeme it starts (up to <see cref="MaxExpansions"/> and one more,
/// to tell a prefix that covers too many).
/// </summary>
public sealed record QueryLexemes(IReadOnlyList<IReadOnlyList<TermWord>> Terms)
{
    /// <summary>A prefix covering more lexemes than this is not read from the postings: merging that many lists costs more than it saves.</summary>
    public const int MaxExpansions = 12;

    private const string Sql = """
        WITH w AS MATERIALIZED (
            SELECT t.i::int AS term, x.lexeme COLLATE "C" AS lexeme, x.pos::int AS pos, t.prefix AND x.pos = x.last AS is_prefix
            FROM unnest(@Words::text[], @Prefixes::boolean[]) WITH ORDINALITY AS t(words, prefix, i),
                 LATERAL (SELECT u.lexeme, p.pos, max(p.pos) OVER () AS last
                          FROM unnest(to_tsvector('search_words', search_words(t.words))) u, unnest(u.positions) AS p(pos)) x)
        SELECT w.term AS Term, w.lexeme AS Lexeme, w.is_prefix AS IsPrefix,
               ARRAY(SELECT l.id FROM search_lexemes l WHERE NOT w.is_prefix AND l.lexeme = w.lexeme
                     UNION ALL
                     (SELECT l.id FROM search_lexemes l
                      WHERE w.is_prefix AND l.lexeme >= w.lexeme AND l.lexeme < w.lexeme || chr(1114111)
                      ORDER BY l.lexeme LIMIT @Cap)) AS Ids
        FROM w
        ORDER BY w.term, w.pos
        """;

    public static async Task<QueryLexemes> LoadAsync(DbConnection c, TsQueryTerms terms, CancellationToken ct)
    {
        var rows = await c.QueryAsync<Row>(new CommandDefinition(Sql, new { terms.Words, terms.Prefixes, Cap = MaxExpansions + 1 }, cancellationToken: ct));
        var byTerm = rows.ToLookup(r => r.Term);
        return new QueryLexemes(Enumerable.Range(1, terms.Words.Length)
            .Select(i => (IReadOnlyList<TermWord>)byTerm[i].Select(r => new TermWord(r.Lexeme, r.IsPrefix, r.Ids)).ToList())
            .ToList());
    }

    // Properties, not a constructor: Npgsql reports an array column as System.Array, which no constructor signature matches.
    private sealed class Row
    {
        public int Term { get; init; }

        public string Lexeme { get; init; } = "";

        public bool IsPrefix { get; init; }

        public int[] Ids { get; init; } = [];
    }
}

/// <summary>One word of a term: its lexeme, whether it is a prefix, and the lexeme ids it stands for.</summary>
public sealed record TermWord(string Lexeme, bool IsPrefix, int[] Ids)
{
    /// <summary>A prefix covering too many lexemes to read their postings.</summary>
    public bool TooWide => Ids.Length > QueryLexemes.MaxExpansions;

    /// <summary>A whole word the index holds: one lexeme, which a posting's <c>follows</c> can name.</summary>
    public bool IsOneLexeme => !IsPrefix && Ids.Length == 1;
}
