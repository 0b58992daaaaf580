using System.Data.Common;
using Dapper;
using Npgsql;

namespace NewsReader.Search.Postgres;

/// <summary>
/// Search on PostgreSQL: <c>search_documents</c> (<see cref="PostgresSearchSchema"/>), its tsvectors matched by a tsquery
/// that <c>search_query()</c> builds from the terms passed as arrays (<see cref="TsQueryTerms"/>), so no reader text is
/// ever SQL or tsquery syntax. Ranking mirrors SQLite's: the newest matches and the newest older headline matches, each
/// scored by <c>ts_rank</c> per term (weights title 1.0, byline 0.4, outlet 0.2, body 0.1: 10, 4, 2, 1 as in FTS5)
/// times how rare the term is among the newest articles, divided by 1 + 0.2 per year of age.
/// </summary>
public sealed class PostgresSearchIndex : ISearchIndex
{
    // Both the key range and the outlet are always given: the outlet as NULL when there is none.
    private const string Filter = """
        d.sort_key >= @Low AND d.sort_key < @High AND (@OutletId::bigint IS NULL OR d.outlet_id = @OutletId)
        """;

    private const string QueryCte = """
        WITH q AS MATERIALIZED (SELECT search_query(@Words, @Weights, @Prefixes, @Groups, true) AS q)
        """;

    private const string ByDateSql = $"""
        {QueryCte}
        SELECT d.article_id FROM search_documents d, q
        WHERE d.document @@ q.q AND {Filter}
        ORDER BY d.sort_key DESC LIMIT @Limit OFFSET @Offset
        """;

    private const string CountSql = $"""
        {QueryCte}
        SELECT COUNT(*) FROM (SELECT 1 FROM search_documents d, q WHERE d.document @@ q.q AND {Filter} LIMIT @CountLimit) m
        """;

    // Each positive term's tsquery, in order, for scoring (exclusions score nothing).
    private const string TermsCte = """
        terms AS MATERIALIZED (
            SELECT search_term(u.words, u.weights, u.prefix, true) AS q, f.idf
            FROM unnest(@Words, @Weights, @Prefixes, @Groups) WITH ORDINALITY AS u(words, weights, prefix, grp, i)
            JOIN unnest(@Idf) WITH ORDINALITY AS f(idf, i) ON f.i = u.i
            WHERE u.grp > 0)
        """;

    private const string Score = """
        (SELECT COALESCE(SUM(t.idf * ts_rank(m.document, t.q, 1)), 0) FROM terms t WHERE t.q IS NOT NULL)
          / (1.0 + 0.2 * GREATEST(0, @Today - (m.sort_key >> 32)) / 365.25)
        """;

    private const string WindowSql = $"""
        {QueryCte}, {TermsCte},
        m AS (SELECT d.sort_key, d.article_id, d.document FROM search_documents d, q
              WHERE d.document @@ q.q AND {Filter}
              ORDER BY d.sort_key DESC LIMIT @WindowSize)
        SELECT m.sort_key AS Key, m.article_id AS Id, {Score} AS Score FROM m
        """;

    // Older matches with the words in their title or byline: the headline vector finds them, the exclusions still
    // apply to the whole text.
    private const string StrongSql = $"""
        WITH q AS MATERIALIZED (
            SELECT search_query(@Words, @Weights, @Prefixes, @Groups, true) AS q,
                   search_query(@StrongWords, @StrongWeights, @StrongPrefixes, @StrongGroups, true) AS strong),
        {TermsCte},
        m AS (SELECT d.sort_key, d.article_id, d.document FROM search_documents d, q
              WHERE d.headline @@ q.strong AND d.document @@ q.q AND d.sort_key >= @Low AND d.sort_key < @Cutoff
                AND (@OutletId::bigint IS NULL OR d.outlet_id = @OutletId)
              ORDER BY d.sort_key DESC LIMIT @StrongLimit)
        SELECT m.sort_key AS Key, m.article_id AS Id, {Score} AS Score FROM m
        """;

    // The newest SampleSize articles stand for the rest when judging how rare a term is (as PhraseFrequencies on SQLite).
    private const string SampleLowSql = "SELECT sort_key FROM search_documents ORDER BY sort_key DESC OFFSET @offset LIMIT 1";

    private const string SampleSizeSql = "SELECT COUNT(*) FROM search_documents";

    // The words of each term, without order or weights: GIN answers that alone, with no tsvector read.
    private const string TermCountsSql = """
        SELECT (SELECT COUNT(*) FROM search_documents d WHERE d.document @@ search_term(u.words, '', u.prefix, false) AND d.sort_key >= @low)
        FROM unnest(@Words, @Prefixes, @Groups) WITH ORDINALITY AS u(words, prefix, grp, i)
        WHERE u.grp > 0 ORDER BY u.i
        """;

    private const string SizesSql = """
        SELECT
            (SELECT COUNT(*) FROM articles),
            (SELECT SUM(octet_length(a.title) + COALESCE(octet_length(a.byline), 0) + COALESCE(octet_length(o.name), 0) + octet_length(r.body_text))
             FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id LEFT JOIN outlets o ON o.id = a.outlet_id),
            pg_total_relation_size('search_documents'),
            pg_database_size(current_database())
        """;

    private const int SampleSize = 1_000;

    public string Kind => "tsquery";

    public async Task<SearchMatches> FindAsync(DbConnection c, SearchPlan plan, SearchSort sort, CancellationToken ct)
    {
        var terms = TsQueryTerms.From(plan.Query);
        var args = new DynamicParameters(new
        {
            terms.Words, terms.Weights, terms.Prefixes, terms.Groups, plan.Low, plan.High, plan.OutletId, plan.Limit, plan.Offset,
        });
        if (sort == SearchSort.Date)
        {
            var ids = (await c.QueryAsync<long>(new CommandDefinition(ByDateSql, args, cancellationToken: ct))).AsList();
            args.Add("CountLimit", SearchResults.CountCap + 1);
            return new SearchMatches(ids, await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, args, cancellationToken: ct)));
        }

        return await RankAsync(c, plan, terms, args, ct);
    }

    /// <summary>Npgsql cancels the running statement on the server itself when the token is cancelled.</summary>
    public CancellationTokenRegistration StopOnCancel(DbConnection c, CancellationToken ct) => default;

    // A statement stopped by a cancel request Npgsql sent arrives as an OperationCanceledException; this is the server's
    // own report of a cancelled statement, should it come first.
    public bool IsStopped(Exception e) => e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    // Reader text never reaches the SQL or the tsquery syntax, so this should not happen; a data exception or a limit met
    // (class 22, 54) gets the reader a message, anything else is a fault.
    public bool IsRefused(Exception e) => e is PostgresException p && (p.SqlState.StartsWith("22", StringComparison.Ordinal) || p.SqlState.StartsWith("54", StringComparison.Ordinal));

    public async Task<SearchIndexSize> MeasureAsync(DbConnection c, CancellationToken ct)
    {
        var row = await c.QuerySingleAsync<(long, long, long, long)>(new CommandDefinition(SizesSql, cancellationToken: ct));
        return new SearchIndexSize(row.Item1, row.Item2, row.Item3, row.Item4, "search_documents with its GIN indexes");
    }

    private static async Task<SearchMatches> RankAsync(DbConnection c, SearchPlan plan, TsQueryTerms terms, DynamicParameters args, CancellationToken ct)
    {
        args.Add("Idf", await IdfAsync(c, terms, ct));
        args.Add("Today", (double)plan.Today);
        args.Add("WindowSize", plan.WindowSize);
        var ranked = (await c.QueryAsync<(long Key, long Id, double Score)>(new CommandDefinition(WindowSql, args, cancellationToken: ct))).AsList();
        var total = ranked.Count;
        if (ranked.Count == plan.WindowSize)
        {
            var cutoff = ranked.Min(r => r.Key);
            var rest = new DynamicParameters(args);
            rest.Add("High", cutoff);
            rest.Add("CountLimit", Math.Max(1, SearchResults.CountCap + 1 - plan.WindowSize));
            total += await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, rest, cancellationToken: ct));
            if (TsQueryTerms.Strong(plan.Query) is { } strong)
            {
                args.AddDynamicParams(new
                {
                    StrongWords = strong.Words, StrongWeights = strong.Weights, StrongPrefixes = strong.Prefixes, StrongGroups = strong.Groups,
                    Cutoff = cutoff, StrongLimit = SearchPlan.StrongWindow,
                });
                ranked.AddRange(await c.QueryAsync<(long Key, long Id, double Score)>(new CommandDefinition(StrongSql, args, cancellationToken: ct)));
            }
        }

        var page = ranked.OrderByDescending(r => r.Score).ThenByDescending(r => r.Key).Skip(plan.Offset).Take(plan.Limit).Select(r => r.Id).ToList();
        return new SearchMatches(page, total);
    }

    /// <summary>
    /// bm25's idf of each positive term, from the share of the newest <see cref="SampleSize"/> articles holding its words.
    /// One term alone: its rarity scales every score alike, so it is not counted.
    /// </summary>
    private static async Task<double[]> IdfAsync(DbConnection c, TsQueryTerms terms, CancellationToken ct)
    {
        var positive = terms.Groups.Count(g => g != TsQueryTerms.Excluded);
        if (positive <= 1)
        {
            return Enumerable.Repeat(1.0, positive).ToArray();
        }

        var low = await c.ExecuteScalarAsync<long?>(new CommandDefinition(SampleLowSql, new { offset = SampleSize - 1 }, cancellationToken: ct));
        var sample = low is null ? await c.ExecuteScalarAsync<long>(new CommandDefinition(SampleSizeSql, cancellationToken: ct)) : SampleSize;
        var counts = await c.QueryAsync<long>(new CommandDefinition(TermCountsSql, new { terms.Words, terms.Prefixes, terms.Groups, low = low ?? 0 }, cancellationToken: ct));
        // bm25's idf as FTS5 computes it, floored the same way.
        return counts.Select(n => Math.Max(1e-6, Math.Log((sample - n + 0.5) / (n + 0.5)))).ToArray();
    }
}
