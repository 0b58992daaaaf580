using System.Data.Common;
using Dapper;

namespace NewsReader.Search.Postgres;

/// <summary>
/// Collects the newest matches from the time-ordered postings (<see cref="SearchPostingsSchema"/>), as FTS5 does on
/// SQLite: every word a match must hold is a list of keys read newest first from the b-tree, the lists are merged, and
/// reading stops at the number needed. A phrase's words must follow each other (the postings' <c>follows</c>), which
/// decides a phrase of two words; what the postings cannot decide (a longer phrase, a phrase in one field, alternatives,
/// an excluded phrase) is checked against the article's vector, only for the articles the lists let through. A query
/// with no word every match must hold (only alternatives, or only prefixes covering too many words) is left to
/// <see cref="MatchCollector"/>. The SQL of a merge is built by <see cref="PostingsMerge"/>.
/// </summary>
public sealed class PostingsCollector
{
    // Planner settings for the merges: each list is a backward index scan, merged with the next; anything that reads a
    // whole list first (a hash, a sort, a bitmap) defeats stopping early. Without them the planner, which cannot tell
    // how far back the first matches lie, reads whole lists for common words (50–600 ms). Nested loops stay allowed:
    // search_query() needs them, and without them its planning took 150 ms. Each merge is planned for its lexemes, so that
    // only their partitions of the postings are in the plan (SearchPostingsPartitionsSchema).
    private const string PinPlansSql = """
        SET LOCAL enable_hashjoin = off; SET LOCAL enable_hashagg = off; SET LOCAL enable_sort = off;
        SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_material = off;
        SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL join_collapse_limit = 1; SET LOCAL plan_cache_mode = force_custom_plan
        """;

    private readonly DbConnection _c;
    private readonly SearchPlan _plan;
    private readonly TsQueryTerms _terms;
    private readonly QueryLexemes _lexemes;
    private readonly CancellationToken _ct;
    private readonly PostingsMerge _matches;
    private readonly PostingsMerge _strong;
    private readonly bool _none;
    private readonly bool _hasStrong;
    private readonly bool _exclusionsExact = true;

    // The query and its headline form as tsquery text, for the checks against the vectors and the headlines.
    private readonly string? _queryText;
    private readonly string? _strongText;
    private bool _pinned;

    private PostingsCollector(DbConnection c, SearchPlan plan, TsQueryTerms terms, QueryLexemes lexemes, CancellationToken ct)
    {
        (_c, _plan, _terms, _lexemes, _ct) = (c, plan, terms, lexemes, ct);
        var strong = TsQueryTerms.Strong(plan.Query);
        _hasStrong = strong.Words.Length > 0;
        _queryText = TsQueryText.Build(terms, lexemes.Terms);
        _strongText = TsQueryText.Build(strong, lexemes.Terms);
        _matches = new PostingsMerge(headline: false);
        _strong = new PostingsMerge(headline: true) { Exact = _hasStrong };
        TermLists = [];
        for (var i = 0; i < terms.Words.Length; i++)
        {
            var group = terms.Groups[i];
            var words = lexemes.Terms[i];
            if (group == TsQueryTerms.Excluded)
            {
                // An excluded word is one list to leave out; an excluded phrase is checked against the vector.
                if (words.Count == 1 && !words[0].TooWide)
                {
                    _matches.Excluded.Add(new PostingList(words[0].Ids, PostingFields.Mask(terms.Weights[i])));
                }
                else if (words.Count > 0)
                {
                    _exclusionsExact = false;
                }

                continue;
            }

            if (terms.Groups.Count(g => g == group) > 1)
            {
                // Alternatives: no one word is required, the vector decides.
                _matches.Exact = false;
                _strong.Exact = false;
                TermLists.Add(null);
                continue;
            }

            _none |= words.Any(w => w.Ids.Length == 0);
            TermLists.Add(new TermPostings(_matches.Add(words, PostingFields.Mask(terms.Weights[i]))));
            if (_hasStrong)
            {
                _strong.Add(words, PostingFields.Mask(strong.Weights[i]));
            }
        }

        _matches.Exact &= _exclusionsExact;
        _strong.Excluded.AddRange(_matches.Excluded);
    }

    /// <summary>
    /// For each positive term, the lists holding its words (whose fields <see cref="CollectAsync"/> and
    /// <see cref="StrongAsync"/> return), or null for a term among alternatives.
    /// </summary>
    public List<TermPostings?> TermLists { get; }

    /// <summary>The collector for the query, or null when the postings hold no word every match must have.</summary>
    public static PostingsCollector? For(DbConnection c, SearchPlan plan, TsQueryTerms terms, QueryLexemes lexemes, CancellationToken ct)
    {
        var collector = new PostingsCollector(c, plan, terms, lexemes, ct);
        return collector._matches.Lists.Count > 0 ? collector : null;
    }

    /// <summary>Whether ranking needs each word counted in the newest articles: only when there is more than one term.</summary>
    public static bool NeedsShares(TsQueryTerms terms) => terms.PositiveCount > 1;

    /// <summary>
    /// For each positive term, the share of the newest <see cref="QueryLexemes.ShareSample"/> articles in the filters
    /// holding it (a phrase: its rarest word), for ranking; none when there is only one term, whose rarity scales every
    /// score alike. A term the postings cannot count (no word, or a prefix of too many) is taken as common, which ranks
    /// it low.
    /// </summary>
    public IReadOnlyList<double> TermShares()
    {
        if (!NeedsShares(_terms))
        {
            return [];
        }

        var sample = Math.Max(1, _lexemes.Sample);
        return Enumerable.Range(0, _terms.Words.Length)
            .Where(i => _terms.Groups[i] != TsQueryTerms.Excluded)
            .Select(i => _lexemes.Terms[i].Where((_, w) => PostingsMerge.Usable(_lexemes.Terms[i], w)).Select(w => w.Holding).DefaultIfEmpty(sample).Min())
            .Select(holding => Math.Min(1.0, holding / (double)sample))
            .ToList();
    }

    /// <summary>
    /// The newest matches, newest first: at least <paramref name="need"/>, or every match when there are fewer; each with
    /// the fields of its postings, list by list.
    /// </summary>
    public async Task<List<PostingMatch>> CollectAsync(int need)
    {
        if (_none)
        {
            return [];
        }

        var args = new DynamicParameters(new { _plan.Low, _plan.OutletId, Before = _plan.High, Need = need, Query = _queryText });
        var check = _matches.Exact ? null : PostingsMerge.VectorMatches;
        return await RunAsync(_matches.Sql(_plan.OutletId, check, args), args);
    }

    /// <summary>
    /// The newest <see cref="SearchPlan.StrongWindow"/> matches older than <paramref name="cutoff"/> with the query's
    /// words in their title or byline, newest first; none when the query cannot match so.
    /// </summary>
    public async Task<List<PostingMatch>> StrongAsync(long cutoff)
    {
        if (!_hasStrong || _none)
        {
            return [];
        }

        var args = new DynamicParameters(new { _plan.Low, _plan.OutletId, Before = cutoff, Need = SearchPlan.StrongWindow, Query = _queryText, Strong = _strongText });
        // The headline has the words; an excluded phrase, which may be in the body, is checked against the whole vector.
        var checks = new List<string>();
        if (!_strong.Exact)
        {
            checks.Add("(SELECT d.headline @@ @Strong::tsquery FROM search_documents d WHERE d.sort_key = p0.sort_key)");
        }

        if (!_exclusionsExact)
        {
            checks.Add(PostingsMerge.VectorMatches);
        }

        return await RunAsync(_strong.Sql(_plan.OutletId, checks.Count == 0 ? null : string.Join(" AND ", checks), args), args);
    }

    // The merges run with the planner pinned; SET LOCAL lasts until the caller's transaction ends, so ranking, after it,
    // is planned freely.
    private async Task<List<PostingMatch>> RunAsync(string sql, DynamicParameters args)
    {
        if (!_pinned)
        {
            await _c.ExecuteAsync(new CommandDefinition(PinPlansSql, cancellationToken: _ct));
            _pinned = true;
        }

        await using var reader = await _c.ExecuteReaderAsync(new CommandDefinition(sql, args, cancellationToken: _ct));
        var matches = new List<PostingMatch>();
        while (await reader.ReadAsync(_ct))
        {
            var fields = new int[reader.FieldCount - 2];
            for (var k = 0; k < fields.Length; k++)
            {
                fields[k] = reader.GetInt32(k + 2);
            }

            matches.Add(new PostingMatch(reader.GetInt64(0), reader.GetInt64(1), fields));
        }

        return matches;
    }
}

/// <summary>A term's lists in a merge: indexes into each match's fields.</summary>
public sealed record TermPostings(int[] Lists);

/// <summary>A match from the postings: its key, id, and the <see cref="PostingFields"/> of each list's posting for it.</summary>
public sealed record PostingMatch(long Key, long Id, int[] Fields)
{
    public SearchMatch Match => new(Key, Id);
}
