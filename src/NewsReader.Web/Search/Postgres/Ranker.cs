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
    /// <summary>
    /// From this share of articles with the words in their headline, walking back to a hundred of them reads fewer rows than
    /// GIN hands over (about 100 / share against share × the archive).
    /// </summary>
    public const double StrongWalkShare = 0.015;

    // Each positive term's tsquery, with its idf (the arrays run over every term; exclusions score nothing).
    private static string RankSql(bool outlet, bool walk) => $"""
        WITH q AS MATERIALIZED (
            SELECT search_query(@Words, @Weights, @Prefixes, @Groups, false) AS q,
                   search_query(@StrongWords, @StrongWeights, @StrongPrefixes, @StrongGroups, false) AS strong),
        terms AS MATERIALIZED (
            SELECT search_term(u.w, u.wt, u.p, true) AS q, u.idf
            FROM unnest(@Words, @Weights, @Prefixes, @Groups, @Idf) AS u(w, wt, p, g, idf)
            WHERE u.g > 0),
        strong AS ({StrongSql(outlet, walk)}),
        m AS (
            SELECT v.sort_key, v.article_id, v.document FROM search_vectors v WHERE v.article_id = ANY(@Ids)
            UNION ALL
            SELECT v.sort_key, v.article_id, v.document FROM strong s JOIN search_vectors v ON v.article_id = s.article_id, q
            WHERE v.document @@ q.q)
        SELECT m.sort_key AS Key, m.article_id AS Id,
               (SELECT COALESCE(SUM(t.idf * ts_rank(m.document, t.q, 1)), 0) FROM terms t WHERE t.q IS NOT NULL)
                 / (1.0 + 0.2 * GREATEST(0, @Today - (m.sort_key >> 32)) / 365.25) AS Score
        FROM m
        """;

    // The newest older articles with the words in the title or byline: walking back through the key index when the probe
    // found them common (the headline is in the row, so each check is cheap, and a hundred come soon), else from the
    // headline's GIN index (which reads every one of them; the order on sort_key + 0 keeps the planner from walking).
    private static string StrongSql(bool outlet, bool walk) => walk
        ? $"""
            SELECT d.article_id FROM search_documents d, q
            WHERE d.sort_key >= @Low AND d.sort_key < @Cutoff{MatchCollector.Outlet("d", outlet)} AND (CASE WHEN d.headline @@ q.strong THEN true END)
            ORDER BY d.sort_key DESC LIMIT @StrongLimit
            """
        : $"""
            SELECT d.article_id FROM search_documents d, q
            WHERE d.headline @@ q.strong AND d.sort_key >= @Low AND d.sort_key < @Cutoff{MatchCollector.Outlet("d", outlet)}
            ORDER BY d.sort_key + 0 DESC LIMIT @StrongLimit
            """;

    /// <summary>The ids of <paramref name="matches"/> (newest first) to rank, best first, with the strong older matches among them.</summary>
    public async Task<List<long>> RankAsync(List<SearchMatch> matches, IReadOnlyList<double> termShares, double strongShare)
    {
        var window = matches.Take(plan.WindowSize).ToList();
        if (window.Count == 0)
        {
            return [];
        }

        // Older matches exist only past a full window; below it, nothing is older than the window's last match.
        var strong = matches.Count > plan.WindowSize ? TsQueryTerms.Strong(plan.Query) : TsQueryTerms.None;
        var args = MatchCollector.Arguments(plan, terms);
        args.AddDynamicParams(new
        {
            Idf = Idf(termShares), Ids = window.Select(m => m.Id).ToArray(), Today = (double)plan.Today,
            StrongWords = strong.Words, StrongWeights = strong.Weights, StrongPrefixes = strong.Prefixes, StrongGroups = strong.Groups,
            Cutoff = window[^1].Key, StrongLimit = SearchPlan.StrongWindow,
        });
        var scored = await c.QueryAsync<(long Key, long Id, double Score)>(new CommandDefinition(RankSql(plan.OutletId is not null, strongShare >= StrongWalkShare), args, cancellationToken: ct));
        return scored.DistinctBy(s => s.Id).OrderByDescending(s => s.Score).ThenByDescending(s => s.Key).Select(s => s.Id).ToList();
    }

    /// <summary>
    /// bm25's idf of each term, as FTS5 computes and floors it, from the share of the probe holding it (0 for exclusions).
    /// One term alone: its rarity scales every score alike, so it is 1.
    /// </summary>
    private double[] Idf(IReadOnlyList<double> shares)
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
