using System.Data.Common;
using Dapper;

namespace NewsReader.Search.Postgres;

/// <summary>
/// Orders the newest <see cref="SearchPlan.WindowSize"/> matches and the newest <see cref="SearchPlan.StrongWindow"/> older
/// ones with the words in their title or byline, best first. The score mirrors SQLite's <c>relevance()</c>: for each
/// positive term, <c>ts_rank</c> over the weighted vector (title 1.0, byline 0.4, outlet 0.2, body 0.1: FTS5's weights 10,
/// 4, 2, 1; its diminishing sum over a term's occurrences plays bm25's saturation) times the term's idf, estimated from
/// the share of the newest articles holding it; divided by 1 + 0.2 per year of age.
/// </summary>
public sealed class Ranker(DbConnection c, SearchPlan plan, TsQueryTerms terms, CancellationToken ct)
{
    // Each positive term's tsquery, with its idf (the arrays run over every term; exclusions score nothing). A strong
    // match holds every word in its headline, so it is a match unless an exclusion (not part of the strong query) rules
    // it out: only then is it checked.
    private static string RankSql(bool exclusions) => $"""
        WITH q AS MATERIALIZED (SELECT search_query(@Words, @Weights, @Prefixes, @Groups, false) AS q),
        terms AS MATERIALIZED (
            SELECT search_term(u.w, u.wt, u.p, true) AS q, u.idf
            FROM unnest(@Words, @Weights, @Prefixes, @Groups, @Idf) AS u(w, wt, p, g, idf)
            WHERE u.g > 0),
        m AS (
            SELECT v.sort_key, v.article_id, v.document FROM search_vectors v WHERE v.article_id = ANY(@Ids)
            UNION ALL
            SELECT v.sort_key, v.article_id, v.document FROM search_vectors v, q
            WHERE v.article_id = ANY(@StrongIds){(exclusions ? " AND v.document @@ q.q" : "")})
        SELECT m.sort_key AS Key, m.article_id AS Id,
               (SELECT COALESCE(SUM(t.idf * ts_rank(m.document, t.q, 1)), 0) FROM terms t WHERE t.q IS NOT NULL)
                 / (1.0 + 0.2 * GREATEST(0, @Today - (m.sort_key >> 32)) / 365.25) AS Score
        FROM m
        """;

    /// <summary>
    /// The ids of the newest <see cref="SearchPlan.WindowSize"/> of <paramref name="matches"/> (newest first) and of the
    /// <paramref name="strong"/> older headline matches, best first.
    /// </summary>
    public async Task<List<long>> RankAsync(List<SearchMatch> matches, List<SearchMatch> strong, IReadOnlyList<double> termShares)
    {
        var window = matches.Take(plan.WindowSize).ToList();
        if (window.Count == 0)
        {
            return [];
        }

        var args = MatchCollector.Arguments(plan, terms);
        args.AddDynamicParams(new
        {
            Idf = Idf(terms, termShares), Ids = window.Select(m => m.Id).ToArray(), StrongIds = strong.Select(m => m.Id).ToArray(), Today = (double)plan.Today,
        });
        var scored = await c.QueryAsync<(long Key, long Id, double Score)>(new CommandDefinition(RankSql(plan.HasExclusions), args, cancellationToken: ct));
        return scored.DistinctBy(s => s.Id).OrderByDescending(s => s.Score).ThenByDescending(s => s.Key).Select(s => s.Id).ToList();
    }

    /// <summary>
    /// bm25's idf of each term, as FTS5 computes and floors it, from the share of the probe holding it (0 for exclusions).
    /// One term alone: its rarity scales every score alike, so it is 1.
    /// </summary>
    internal static double[] Idf(TsQueryTerms terms, IReadOnlyList<double> shares)
    {
        var positive = 0;
        return terms.Groups.Select(g => g == TsQueryTerms.Excluded ? 0.0
            : shares.Count <= 1 ? 1.0
            : BmIdf(shares[positive++])).ToArray();
    }

    private static double BmIdf(double share)
    {
        const double Sample = MatchCollector.ProbeSize;
        var holding = share * Sample;
        return Math.Max(1e-6, Math.Log((Sample - holding + 0.5) / (holding + 0.5)));
    }
}
