using System.Data.Common;
using Dapper;
using Npgsql;

namespace NewsReader.Search.Postgres;

/// <summary>
/// Search on PostgreSQL (<see cref="PostgresSearchSchema"/>, <see cref="SearchPostingsSchema"/>). Like FTS5 on SQLite it
/// collects the newest matches, up to one past the count cap, and ranks the newest <see cref="SearchPlan.Window"/> of
/// them with the newest <see cref="SearchPlan.StrongWindow"/> older headline matches. The time-ordered postings do both
/// when the query has a word every match must hold (<see cref="PostingsCollector"/>, <see cref="PostingsRanker"/>);
/// a query of alternatives only goes to GIN and the vectors (<see cref="MatchCollector"/>, <see cref="Ranker"/>). Reader
/// text reaches SQL only as parameters (<see cref="TsQueryTerms"/>, lexeme ids): statements change with the query's
/// shape, never with its words.
/// </summary>
public sealed class PostgresSearchIndex : ISearchIndex
{
    private const string SizesSql = """
        SELECT
            (SELECT COUNT(*) FROM articles),
            (SELECT SUM(octet_length(a.title) + COALESCE(octet_length(a.byline), 0) + COALESCE(octet_length(o.name), 0) + octet_length(r.body_text))
             FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id LEFT JOIN outlets o ON o.id = a.outlet_id),
            pg_total_relation_size('search_documents') + pg_total_relation_size('search_vectors') + pg_total_relation_size('search_lexemes')
                -- A partitioned table has no storage of its own: its partitions hold the postings.
                + (SELECT COALESCE(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits WHERE inhparent = 'search_postings'::regclass),
            pg_database_size(current_database())
        """;

    public string Kind => "tsquery";

    public async Task<SearchMatches> FindAsync(DbConnection c, SearchPlan plan, SearchSort sort, CancellationToken ct)
    {
        var terms = TsQueryTerms.From(plan.Query);
        var need = Math.Max(SearchResults.CountCap + 1, sort == SearchSort.Date ? plan.Offset + plan.Limit : plan.WindowSize);
        var lexemes = await QueryLexemes.LoadAsync(c, plan, terms, count: sort == SearchSort.Relevance && PostingsCollector.NeedsShares(terms), ct);
        if (PostingsCollector.For(c, plan, terms, lexemes, ct) is { } postings)
        {
            return await FindInPostingsAsync(c, postings, plan, terms, sort, need, ct);
        }

        var collector = new MatchCollector(c, plan, terms, ct);
        var matches = await collector.CollectAsync(need);
        if (sort == SearchSort.Date)
        {
            return new SearchMatches(matches.Skip(plan.Offset).Take(plan.Limit).Select(m => m.Id).ToList(), matches.Count);
        }

        // Older matches exist only past a full window; below it, nothing is older than the window's last match.
        var strong = matches.Count > plan.WindowSize ? await collector.StrongAsync(matches[plan.WindowSize - 1].Key) : [];
        var ranked = await new Ranker(c, plan, terms, ct).RankAsync(matches, strong, collector.TermShares);
        return new SearchMatches(ranked.Skip(plan.Offset).Take(plan.Limit).ToList(), matches.Count);
    }

    // The merges run in a transaction of their own, whose planner settings end with it. Ranking reads the postings the
    // merges returned, unless a term is among alternatives, which no merge reads: then the vectors.
    private static async Task<SearchMatches> FindInPostingsAsync(
        DbConnection c, PostingsCollector postings, SearchPlan plan, TsQueryTerms terms, SearchSort sort, int need, CancellationToken ct)
    {
        var shares = sort == SearchSort.Date ? [] : postings.TermShares();
        List<PostingMatch> matches, strong;
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            matches = await postings.CollectAsync(need);
            strong = sort == SearchSort.Relevance && matches.Count > plan.WindowSize ? await postings.StrongAsync(matches[plan.WindowSize - 1].Key) : [];
            await tx.CommitAsync(ct);
        }

        if (sort == SearchSort.Date)
        {
            return new SearchMatches(matches.Skip(plan.Offset).Take(plan.Limit).Select(m => m.Id).ToList(), matches.Count);
        }

        var window = matches.Take(plan.WindowSize).ToList();
        var ranked = postings.TermLists.All(t => t is not null)
            ? PostingsRanker.Rank(plan.Today, window, strong, postings.TermLists!, Ranker.Idf(terms, shares).Where((_, i) => terms.Groups[i] != TsQueryTerms.Excluded).ToList())
            : await new Ranker(c, plan, terms, ct).RankAsync(window.Select(m => m.Match).ToList(), strong.Select(m => m.Match).ToList(), shares);
        return new SearchMatches(ranked.Skip(plan.Offset).Take(plan.Limit).ToList(), matches.Count);
    }

    /// <summary>Npgsql cancels the running statement on the server itself when the token is cancelled.</summary>
    public CancellationTokenRegistration StopOnCancel(DbConnection c, CancellationToken ct) => default;

    // A statement stopped by the cancel request Npgsql sent arrives as an OperationCanceledException; this is the server's
    // own report of a cancelled statement, should it come first. Npgsql 10.0.3 sometimes loses its place in a prepared
    // statement's reply when the cancel lands ("Received unexpected backend message DataRow"): asked only after the
    // budget stopped the search, that is the stop too, and the search's connection is discarded (Db.DiscardAfterCancel).
    public bool IsStopped(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
        || (e.Source == "Npgsql" && e.Message.StartsWith("Received unexpected backend message", StringComparison.Ordinal));

    // Reader text never reaches the SQL or the tsquery syntax, so this should not happen; a data exception or a limit met
    // (classes 22 and 54) gets the reader a message, anything else is a fault.
    public bool IsRefused(Exception e) =>
        e is PostgresException p && (p.SqlState.StartsWith("22", StringComparison.Ordinal) || p.SqlState.StartsWith("54", StringComparison.Ordinal));

    public async Task<SearchIndexSize> MeasureAsync(DbConnection c, CancellationToken ct)
    {
        var row = await c.QuerySingleAsync<(long, long, long, long)>(new CommandDefinition(SizesSql, cancellationToken: ct));
        return new SearchIndexSize(row.Item1, row.Item2, row.Item3, row.Item4, "search tables (time-ordered postings, vectors in line, lexemes under GIN)");
    }
}

/// <summary>A matching article: its key (newest first) and id.</summary>
public readonly record struct SearchMatch(long Key, long Id);
