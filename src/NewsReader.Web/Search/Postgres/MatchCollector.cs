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
    public const int ProbeSize = 200;

    public const double DenseShare = 0.2;

    /// <summary>
    /// From this share of the probe with the words in the headline (well clear of where walking and GIN cost the same,
    /// near 3 %, as the probe is small), walking back to a hundred of them reads fewer rows than GIN hands over.
    /// </summary>
    public const double StrongWalkShare = 0.05;

    // A range for GIN is sized to hold this many times the matches still needed, as the probe's share predicts.
    private const double RangeMargin = 1.15;

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

    // Back from the newest through the key index. CASE hides the match from the planner: seeing a text-search match it
    // cannot value (the query is computed in the statement), it guesses it rare and sorts the whole table instead (114 ms
    // for "central bank" against 3 ms).
    private static string WalkSql(bool outlet) => $"""
        WITH q AS MATERIALIZED (SELECT {Exact} AS q)
        SELECT v.sort_key AS Key, v.article_id AS Id
        FROM search_vectors v, q
        WHERE v.sort_key >= @Low AND v.sort_key < @Before{Outlet("v", outlet)} AND (CASE WHEN v.document @@ q.q THEN true END)
        ORDER BY v.sort_key DESC LIMIT @Need
        """;

    // The articles holding the words in a range of keys, from GIN, newest first: the words' index for the loose words,
    // the headline's for groups made only of field terms (it holds the weights, so it answers them exactly; their words
    // are then not asked of the words' index, whose postings for them could be far longer). A range that starts
    // somewhere is read with the key index too (the bitmaps ANDed); one reaching back to the very first key is not, as
    // that bitmap would list nearly every article: sort_key + 0 keeps the planner of a prepared statement, which cannot
    // see the values, from using the index there. The order is on sort_key + 0 so the key index cannot be walked
    // instead, checking every article.
    private static string CandidatesSql(GinShape shape)
    {
        var conditions = new List<string>();
        if (shape.Words)
        {
            conditions.Add("d.words @@ q.q");
        }

        if (shape.Headline)
        {
            conditions.Add("d.headline @@ q.head");
        }

        conditions.Add(shape.FromStart ? "d.sort_key + 0 < @Before" : "d.sort_key >= @From AND d.sort_key < @Before");
        return $"""
            SELECT d.sort_key, d.article_id
            FROM search_documents d, q
            WHERE {string.Join(" AND ", conditions)}{Outlet("d", shape.Outlet)}
            ORDER BY d.sort_key + 0 DESC
            """;
    }

    private const string GinQuery = """
        WITH q AS MATERIALIZED (
            SELECT search_query(@LooseWords, @LooseWeights, @LoosePrefixes, @LooseGroups, true) AS q,
                   search_query(@Words, @Weights, @Prefixes, @Groups, false) AS exact,
                   search_query(@HeadWords, @HeadWeights, @HeadPrefixes, @HeadGroups, false) AS head)
        """;

    // When the words and the headline are the query, the newest candidates are the matches; otherwise each candidate,
    // newest first, is checked against its vector (phrases, fields beside other words, longer exclusions) until enough
    // match: the check is a subquery per row, so it runs only on the candidates read before the limit is met.
    private static string GinSql(GinShape shape) => shape.Exact
        ? $"""
            {GinQuery}
            SELECT c.sort_key AS Key, c.article_id AS Id FROM ({CandidatesSql(shape)}) c LIMIT @Need
            """
        : $"""
            {GinQuery}
            SELECT c.sort_key AS Key, c.article_id AS Id
            FROM ({CandidatesSql(shape)}) c
            WHERE (SELECT v.document @@ (SELECT exact FROM q) FROM search_vectors v WHERE v.article_id = c.article_id)
            LIMIT @Need
            """;

    // Strong matches, walking back through the key index when the probe found them common (the headline is in the row,
    // so each check is cheap, and a hundred come soon; CASE as in WalkSql), else from the headline's GIN index in ranges
    // as the matches are.
    private const string StrongQuery = """
        WITH q AS MATERIALIZED (SELECT search_query(@StrongWords, @StrongWeights, @StrongPrefixes, @StrongGroups, false) AS strong)
        """;

    private static string StrongWalkSql(bool outlet) => $"""
        {StrongQuery}
        SELECT d.sort_key AS Key, d.article_id AS Id FROM search_documents d, q
        WHERE d.sort_key >= @Low AND d.sort_key < @Before{Outlet("d", outlet)} AND (CASE WHEN d.headline @@ q.strong THEN true END)
        ORDER BY d.sort_key DESC LIMIT @Need
        """;

    private static string StrongGinSql(bool outlet, bool fromStart) => $"""
        {StrongQuery}
        SELECT d.sort_key AS Key, d.article_id AS Id FROM search_documents d, q
        WHERE d.headline @@ q.strong AND {(fromStart ? "d.sort_key + 0 < @Before" : "d.sort_key >= @From AND d.sort_key < @Before")}{Outlet("d", outlet)}
        ORDER BY d.sort_key + 0 DESC LIMIT @Need
        """;

    private readonly DynamicParameters _args = Arguments(plan, terms);
    private readonly bool _outlet = plan.OutletId is not null;

    /// <summary>For each positive term, the share of the probe holding it; empty until <see cref="CollectAsync"/> ran.</summary>
    public IReadOnlyList<double> TermShares { get; private set; } = [];

    /// <summary>The share of the probe with the words in its title or byline.</summary>
    public double StrongShare { get; private set; }

    // The probe's rows, newest first: how many articles a day the filters hold, for sizing ranges of keys.
    private List<ProbeRow> _probe = [];

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
        _probe = probe;
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

        await InRangesAsync(matches, need, before, share, FromGinAsync);
        return matches;
    }

    /// <summary>
    /// The newest <see cref="SearchPlan.StrongWindow"/> articles older than <paramref name="cutoff"/> with the query's words
    /// in their title or byline (exclusions not applied), newest first; none when the query cannot match so.
    /// </summary>
    public async Task<List<SearchMatch>> StrongAsync(long cutoff)
    {
        var strong = TsQueryTerms.Strong(plan.Query);
        var found = new List<SearchMatch>();
        if (strong.Words.Length == 0 || _probe.Count == 0)
        {
            return found;
        }

        var args = new
        {
            StrongWords = strong.Words, StrongWeights = strong.Weights, StrongPrefixes = strong.Prefixes, StrongGroups = strong.Groups,
        };
        if (StrongShare >= StrongWalkShare)
        {
            found.AddRange(await c.QueryAsync<SearchMatch>(Command(StrongWalkSql(_outlet), new
            {
                args.StrongWords, args.StrongWeights, args.StrongPrefixes, args.StrongGroups, Before = cutoff, Need = SearchPlan.StrongWindow,
            })));
            return found;
        }

        await InRangesAsync(found, SearchPlan.StrongWindow, cutoff, StrongShare, async (list, need, from, before) =>
            list.AddRange(await c.QueryAsync<SearchMatch>(Command(StrongGinSql(_outlet, from <= 0), new
            {
                args.StrongWords, args.StrongWeights, args.StrongPrefixes, args.StrongGroups, From = from, Before = before, Need = need - list.Count,
            }))));
        return found;
    }

    /// <summary>
    /// Fills <paramref name="found"/> from GIN, range after range of keys older than <paramref name="before"/>: the first
    /// expected (from <paramref name="share"/>) to hold what is still needed, the next four times as far back, and so on
    /// to the oldest; a query the probe found nothing of goes to the oldest at once.
    /// </summary>
    private async Task InRangesAsync(List<SearchMatch> found, int need, long before, double share, Func<List<SearchMatch>, int, long, long, Task> fetch)
    {
        var rows = share > 0 ? (need - found.Count) / share * RangeMargin : double.PositiveInfinity;
        while (found.Count < need && before > plan.Low)
        {
            var from = double.IsFinite(rows) ? Math.Max(plan.Low, RangeStart(_probe, before, rows)) : plan.Low;
            await fetch(found, need, from, before);
            (before, rows) = (from, rows * 4);
        }
    }

    /// <summary>The key a range of about <paramref name="rows"/> articles older than <paramref name="before"/> starts at, from the probe's articles a day.</summary>
    private static long RangeStart(List<ProbeRow> probe, long before, double rows)
    {
        var days = Math.Max(1, Day(probe[0].Key) - Day(probe[^1].Key) + 1);
        var back = (long)Math.Ceiling(Math.Min(rows / (probe.Count / (double)days), 1e7));
        return Math.Max(0, Day(before) - back) << 32;
    }

    private static long Day(long key) => key >> 32;

    /// <summary>Adds the matches in [<paramref name="from"/>, <paramref name="before"/>), newest first, until <paramref name="need"/> are collected.</summary>
    private async Task FromGinAsync(List<SearchMatch> matches, int need, long from, long before)
    {
        var headline = TsQueryTerms.Headline(plan.Query);
        var loose = TsQueryTerms.Loose(plan.Query);
        var shape = new GinShape(_outlet, loose.Words.Length > 0, headline.Words.Length > 0, from <= 0, TsQueryTerms.LooseAndHeadlineAreExact(plan.Query));
        var found = await c.QueryAsync<SearchMatch>(Command(GinSql(shape), new
        {
            LooseWords = loose.Words, LooseWeights = loose.Weights, LoosePrefixes = loose.Prefixes, LooseGroups = loose.Groups,
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

    /// <summary>Which conditions a GIN statement has, and whether what it finds needs checking against the vectors.</summary>
    private sealed record GinShape(bool Outlet, bool Words, bool Headline, bool FromStart, bool Exact);
}
