using System.Data.Common;
using Dapper;

namespace NewsReader.Search.Postgres;

/// <summary>
/// Collects the newest matches of a query, newest first. A probe reads the newest <see cref="ProbeSize"/> articles in the
/// filters and checks each against the query; what share of them match decides how to go on (docs/benchmarks.md,
/// "PostgreSQL search", has the measurements behind the numbers):
/// - most articles match (at least <see cref="DenseShare"/>): walk back from the newest through the key index, checking
///   each article's vector in line, until enough match: a few thousand rows at most, and no GIN posting list read, which
///   for a word in half the articles alone costs more;
/// - fewer do: ask the GIN index for the query's words in a recent range of keys sized by that share to hold enough
///   matches, then in the rest; a phrase, a field or a longer exclusion is checked against the vectors afterwards.
/// The share of the probe holding each term is also how rare the term is, for ranking.
/// </summary>
public sealed class MatchCollector(DbConnection c, SearchPlan plan, TsQueryTerms terms, CancellationToken ct, int probeSize = MatchCollector.ProbeSize)
{
    public const int ProbeSize = 300;

    public const double DenseShare = 0.2;

    // A range for GIN is sized to hold this many times the matches still needed, as the probe's share predicts.
    private const double RangeMargin = 1.25;

    private const string Exact = "search_query(@Words, @Weights, @Prefixes, @Groups, false)";

    // The newest articles in the filters, each checked against the query, against its words in the title or byline (the
    // strong match), and against each positive term (bit i - 1 set when it holds term i).
    private static string ProbeSql(bool outlet) => $"""
        WITH q AS MATERIALIZED (
            SELECT {Exact} AS q,
                   search_query(@StrongWords, @StrongWeights, @StrongPrefixes, @StrongGroups, false) AS strong,
                   ARRAY(SELECT search_term(u.w, u.wt, u.p, true)
                         FROM unnest(@Words, @Weights, @Prefixes, @Groups) WITH ORDINALITY AS u(w, wt, p, g, i)
                         WHERE u.g > 0 ORDER BY u.i) AS terms)
        SELECT v.sort_key AS Key, v.article_id AS Id, COALESCE(v.document @@ q.q, false) AS Hit,
               COALESCE(v.document @@ q.strong, false) AS StrongHit,
               (SELECT COALESCE(SUM(1 << (t.i - 1)::int), 0) FROM unnest(q.terms) WITH ORDINALITY AS t(q, i) WHERE v.document @@ t.q)::int AS Terms
        FROM search_vectors v, q
        WHERE v.sort_key >= @Low AND v.sort_key < @Before{Outlet("v", outlet)}
        ORDER BY v.sort_key DESC LIMIT @Probe
        """;

    // Back from the newest through the key index. CASE hides the match from the planner, which would otherwise read the
    // GIN index: for a query most articles match, every posting of its words.
    private static string WalkSql(bool outlet) => $"""
        WITH q AS MATERIALIZED (SELECT {Exact} AS q)
        SELECT v.sort_key AS Key, v.article_id AS Id
        FROM search_vectors v, q
        WHERE v.sort_key >= @Low AND v.sort_key < @Before{Outlet("v", outlet)} AND (CASE WHEN v.document @@ q.q THEN true END)
        ORDER BY v.sort_key DESC LIMIT @Need
        """;

    // The articles holding the words in a range of keys, from GIN (with the key index, as the planner sees fit), newest
    // first. The order is on sort_key + 0 so the key index cannot be walked instead, checking every article. Groups made
    // only of field terms must be in the headline, which its own GIN index answers.
    private static string CandidatesSql(bool outlet, bool headline) => $"""
        SELECT d.sort_key, d.article_id
        FROM search_documents d, q
        WHERE d.words @@ q.q{(headline ? " AND d.headline @@ q.head" : "")} AND d.sort_key >= @From AND d.sort_key < @Before{Outlet("d", outlet)}
        ORDER BY d.sort_key + 0 DESC
        """;

    private const string GinQuery = """
        WITH q AS MATERIALIZED (
            SELECT search_query(@Words, @Weights, @Prefixes, @Groups, true) AS q,
                   search_query(@Words, @Weights, @Prefixes, @Groups, false) AS exact,
                   search_query(@HeadWords, @HeadWeights, @HeadPrefixes, @HeadGroups, false) AS head)
        """;

    // When the words alone are the query, the newest candidates are the matches.
    private static string GinSql(bool outlet, bool headline) => $"""
        {GinQuery}
        SELECT c.sort_key AS Key, c.article_id AS Id FROM ({CandidatesSql(outlet, headline)}) c LIMIT @Need
        """;

    // Otherwise each candidate, newest first, is checked against its vector (phrases, fields, longer exclusions) until
    // enough match: the check is a subquery per row, so it runs only on the candidates read before the limit is met.
    private static string CheckedGinSql(bool outlet, bool headline) => $"""
        {GinQuery}
        SELECT c.sort_key AS Key, c.article_id AS Id
        FROM ({CandidatesSql(outlet, headline)}) c
        WHERE (SELECT v.document @@ (SELECT exact FROM q) FROM search_vectors v WHERE v.article_id = c.article_id)
        LIMIT @Need
        """;

    private readonly DynamicParameters _args = Arguments(plan, terms);
    private readonly bool _outlet = plan.OutletId is not null;

    /// <summary>For each positive term, the share of the probe holding it; empty until <see cref="CollectAsync"/> ran.</summary>
    public IReadOnlyList<double> TermShares { get; private set; } = [];

    /// <summary>The share of the probe with the words in its title or byline.</summary>
    public double StrongShare { get; private set; }

    /// <summary>The newest matches, newest first: at least <paramref name="need"/>, or every match when there are fewer.</summary>
    public async Task<List<SearchMatch>> CollectAsync(int need)
    {
        var strong = TsQueryTerms.Strong(plan.Query);
        var probe = (await c.QueryAsync<ProbeRow>(Command(ProbeSql(_outlet), new
        {
            StrongWords = strong.Words, StrongWeights = strong.Weights, StrongPrefixes = strong.Prefixes, StrongGroups = strong.Groups,
            Before = plan.High, Probe = probeSize,
        }))).AsList();
        TermShares = Enumerable.Range(0, terms.PositiveCount)
            .Select(i => probe.Count(r => (r.Terms & (1 << i)) != 0) / (double)Math.Max(1, probe.Count))
            .ToList();
        StrongShare = probe.Count(r => r.StrongHit) / (double)Math.Max(1, probe.Count);
        var matches = probe.Where(r => r.Hit).Select(r => new SearchMatch(r.Key, r.Id)).ToList();
        if (probe.Count < probeSize || matches.Count >= need)
        {
            return matches;
        }

        var share = matches.Count / (double)probe.Count;
        var before = probe[^1].Key;
        if (share >= DenseShare)
        {
            matches.AddRange(await c.QueryAsync<SearchMatch>(Command(WalkSql(_outlet), new { Before = before, Need = need - matches.Count })));
            return matches;
        }

        // A recent range expected to hold what is still needed (none when the probe found nothing: the query is rare), then the rest.
        var from = share > 0 ? Math.Max(plan.Low, RangeStart(probe, before, (need - matches.Count) / share * RangeMargin)) : plan.Low;
        await FromGinAsync(matches, need, from, before);
        if (matches.Count < need && from > plan.Low)
        {
            await FromGinAsync(matches, need, plan.Low, from);
        }

        return matches;
    }

    /// <summary>The key a range of about <paramref name="rows"/> articles older than <paramref name="before"/> starts at, from the probe's articles a day.</summary>
    private static long RangeStart(List<ProbeRow> probe, long before, double rows)
    {
        var days = Math.Max(1, Day(probe[0].Key) - Day(probe[^1].Key) + 1);
        var back = (long)Math.Ceiling(rows / (probe.Count / (double)days));
        return Math.Max(0, Day(before) - back) << 32;
    }

    private static long Day(long key) => key >> 32;

    /// <summary>Adds the matches in [<paramref name="from"/>, <paramref name="before"/>), newest first, until <paramref name="need"/> are collected.</summary>
    private async Task FromGinAsync(List<SearchMatch> matches, int need, long from, long before)
    {
        var headline = TsQueryTerms.Headline(plan.Query);
        var hasHeadline = headline.Words.Length > 0;
        var sql = terms.LooseIsExact ? GinSql(_outlet, hasHeadline) : CheckedGinSql(_outlet, hasHeadline);
        var found = await c.QueryAsync<SearchMatch>(Command(sql, new
        {
            HeadWords = headline.Words, HeadWeights = headline.Weights, HeadPrefixes = headline.Prefixes, HeadGroups = headline.Groups,
            From = from, Before = before, Need = need - matches.Count,
        }));
        // The rows come in the candidates' order; sorted again all the same, as SQL promises no order without ORDER BY.
        matches.AddRange(found.OrderByDescending(m => m.Key));
    }

    private CommandDefinition Command(string sql, object extra)
    {
        var args = new DynamicParameters(_args);
        args.AddDynamicParams(extra);
        return new CommandDefinition(sql, args, cancellationToken: ct);
    }

    internal static DynamicParameters Arguments(SearchPlan plan, TsQueryTerms terms) => new(new
    {
        terms.Words, terms.Weights, terms.Prefixes, terms.Groups, plan.Low, plan.High, plan.OutletId,
    });

    internal static string Outlet(string alias, bool outlet) => outlet ? $" AND {alias}.outlet_id = @OutletId" : "";

    private sealed record ProbeRow(long Key, long Id, bool Hit, bool StrongHit, int Terms);
}
