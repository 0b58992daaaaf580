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

    // The newest articles in the filters, each checked against the query and against each positive term (bit i - 1 set
    // when it holds term i).
    private static string ProbeSql(bool outlet) => $"""
        WITH q AS MATERIALIZED (
            SELECT {Exact} AS q,
                   ARRAY(SELECT search_term(u.w, u.wt, u.p, true)
                         FROM unnest(@Words, @Weights, @Prefixes, @Groups) WITH ORDINALITY AS u(w, wt, p, g, i)
                         WHERE u.g > 0 ORDER BY u.i) AS terms)
        SELECT v.sort_key AS Key, v.article_id AS Id, COALESCE(v.document @@ q.q, false) AS Hit,
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

    // The articles holding the words in a range of keys, from GIN (with the key index, as the planner sees fit). The order
    // is on sort_key + 0 so the key index cannot be walked instead, checking every article. Groups made only of field
    // terms must be in the headline, which the headline's GIN index answers.
    private static string GinSql(bool outlet, bool headline) => $"""
        WITH q AS MATERIALIZED (
            SELECT search_query(@Words, @Weights, @Prefixes, @Groups, true) AS q,
                   search_query(@HeadWords, @HeadWeights, @HeadPrefixes, @HeadGroups, false) AS head)
        SELECT d.sort_key AS Key, d.article_id AS Id
        FROM search_documents d, q
        WHERE d.words @@ q.q{(headline ? " AND d.headline @@ q.head" : "")} AND d.sort_key >= @From AND d.sort_key < @Before{Outlet("d", outlet)}
        ORDER BY d.sort_key + 0 DESC LIMIT @Need
        """;

    // What GIN found for a query with phrases, fields or longer exclusions, checked against the positions.
    private const string CheckSql = $"""
        WITH q AS MATERIALIZED (SELECT {Exact} AS q)
        SELECT v.sort_key AS Key, v.article_id AS Id
        FROM search_vectors v, q
        WHERE v.article_id = ANY(@Ids) AND v.document @@ q.q
        """;

    private readonly DynamicParameters _args = Arguments(plan, terms);
    private readonly bool _outlet = plan.OutletId is not null;

    /// <summary>For each positive term, the share of the probe holding it; empty until <see cref="CollectAsync"/> ran.</summary>
    public IReadOnlyList<double> TermShares { get; private set; } = [];

    /// <summary>The newest matches, newest first: at least <paramref name="need"/>, or every match when there are fewer.</summary>
    public async Task<List<SearchMatch>> CollectAsync(int need)
    {
        var probe = (await c.QueryAsync<ProbeRow>(Command(ProbeSql(_outlet), new { Before = plan.High, Probe = probeSize }))).AsList();
        TermShares = Enumerable.Range(0, terms.PositiveCount)
            .Select(i => probe.Count(r => (r.Terms & (1 << i)) != 0) / (double)Math.Max(1, probe.Count))
            .ToList();
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
        var sql = GinSql(_outlet, headline.Words.Length > 0);
        while (matches.Count < need && before > from)
        {
            var wanted = need - matches.Count;
            var found = (await c.QueryAsync<SearchMatch>(Command(sql, new
            {
                HeadWords = headline.Words, HeadWeights = headline.Weights, HeadPrefixes = headline.Prefixes, HeadGroups = headline.Groups,
                From = from, Before = before, Need = wanted,
            }))).AsList();
            if (found.Count == 0)
            {
                return;
            }

            matches.AddRange(terms.LooseIsExact ? found : await CheckAsync(found));
            if (found.Count < wanted)
            {
                return;
            }

            before = found[^1].Key;
        }
    }

    private async Task<IEnumerable<SearchMatch>> CheckAsync(List<SearchMatch> found)
    {
        var ids = found.Select(m => m.Id).ToArray();
        var matching = await c.QueryAsync<SearchMatch>(Command(CheckSql, new { Ids = ids }));
        return matching.OrderByDescending(m => m.Key);
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

    private sealed record ProbeRow(long Key, long Id, bool Hit, int Terms);
}
