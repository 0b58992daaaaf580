using System.Data.Common;
using System.Text;
using Dapper;

namespace NewsReader.Search.Postgres;

/// <summary>
/// Collects the newest matches from the time-ordered postings (<see cref="SearchPostingsSchema"/>), as FTS5 does on
/// SQLite: every word a match must hold is a list of keys read newest first from the b-tree, the lists are merged, and
/// reading stops at the number needed. What the lists cannot say (the order of a phrase's words, alternatives, an
/// excluded phrase) is checked against the article's vector, only for the articles the lists let through. A query with
/// no word every match must hold (only alternatives, or only prefixes covering too many words) is left to
/// <see cref="MatchCollector"/>.
/// </summary>
public sealed class PostingsCollector
{
    /// <summary>The newest articles in the filters whose share holding a term estimates its rarity, for ranking.</summary>
    public const int ShareSample = MatchCollector.ProbeSize;

    // Planner settings for the merges: each list is a backward index scan, merged with the next; anything that reads a
    // whole list first (a hash, a sort, a bitmap) defeats stopping early. Without them the planner, which cannot tell
    // how far back the first matches lie, reads whole lists for common words (50–600 ms). Nested loops stay allowed:
    // search_query() needs them, and without them its planning took 150 ms.
    private const string PinPlansSql = """
        SET LOCAL enable_hashjoin = off; SET LOCAL enable_hashagg = off; SET LOCAL enable_sort = off;
        SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_material = off;
        SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL join_collapse_limit = 1
        """;

    private const int AllFields = 15;

    private const int Headline = 3;

    private readonly DbConnection _c;
    private readonly SearchPlan _plan;
    private readonly TsQueryTerms _terms;
    private readonly QueryLexemes _lexemes;
    private readonly CancellationToken _ct;
    private readonly List<PostingList> _required;
    private readonly List<PostingList> _strongRequired;
    private readonly List<PostingList> _excluded;
    private readonly bool _exact;
    private readonly bool _strongExact;
    private readonly bool _none;

    private PostingsCollector(DbConnection c, SearchPlan plan, TsQueryTerms terms, QueryLexemes lexemes, CancellationToken ct)
    {
        (_c, _plan, _terms, _lexemes, _ct) = (c, plan, terms, lexemes, ct);
        var strong = TsQueryTerms.Strong(plan.Query);
        _required = [];
        _strongRequired = [];
        _excluded = [];
        _exact = true;
        _strongExact = strong.Words.Length > 0;
        for (var i = 0; i < terms.Words.Length; i++)
        {
            var group = terms.Groups[i];
            var words = lexemes.Terms[i];
            if (group == TsQueryTerms.Excluded)
            {
                // An excluded word is one list to leave out; an excluded phrase is checked against the vector.
                if (words.Count == 1 && !words[0].TooWide)
                {
                    _excluded.Add(new PostingList(words[0].Ids, FieldMask(terms.Weights[i])));
                }
                else if (words.Count > 0)
                {
                    _exact = false;
                }

                continue;
            }

            if (terms.Groups.Count(g => g == group) > 1)
            {
                // Alternatives: no one word is required, the vector decides.
                _exact = false;
                _strongExact = false;
                continue;
            }

            var (lists, exact) = Lists(words, FieldMask(terms.Weights[i]));
            _none |= lists.Any(l => l.Ids.Length == 0);
            _required.AddRange(lists.Where(l => !_required.Contains(l)));
            _exact &= exact;
            if (strong.Words.Length > 0)
            {
                var (strongLists, strongExact) = Lists(words, FieldMask(strong.Weights[i]));
                _strongRequired.AddRange(strongLists.Where(l => !_strongRequired.Contains(l)));
                _strongExact &= strongExact;
            }
        }
    }

    /// <summary>The collector for the query, or null when the postings hold no word every match must have.</summary>
    public static PostingsCollector? For(DbConnection c, SearchPlan plan, TsQueryTerms terms, QueryLexemes lexemes, CancellationToken ct)
    {
        var collector = new PostingsCollector(c, plan, terms, lexemes, ct);
        return collector._required.Count > 0 ? collector : null;
    }

    /// <summary>
    /// For each positive term, the share of the newest <see cref="ShareSample"/> articles in the filters holding it (a
    /// phrase: its rarest word), for ranking; none when there is only one term, whose rarity scales every score alike.
    /// </summary>
    public async Task<IReadOnlyList<double>> TermSharesAsync()
    {
        var positive = Enumerable.Range(0, _terms.Words.Length).Where(i => _terms.Groups[i] != TsQueryTerms.Excluded).ToList();
        if (positive.Count <= 1)
        {
            return [];
        }

        var termLists = positive.Select(i => Lists(_lexemes.Terms[i], FieldMask(_terms.Weights[i])).Lists).ToList();
        var all = termLists.SelectMany(lists => lists).ToList();
        var listOf = new List<int>();
        var lexemeIds = new List<int>();
        var fields = new List<int>();
        foreach (var (list, k) in all.Select((l, k) => (l, k)))
        {
            listOf.AddRange(list.Ids.Select(_ => k));
            lexemeIds.AddRange(list.Ids);
            fields.AddRange(list.Ids.Select(_ => list.Fields));
        }

        var sql = $"""
            WITH sample AS MATERIALIZED (
                SELECT v.sort_key FROM search_vectors v
                WHERE v.sort_key >= @Low AND v.sort_key < @High{MatchCollector.Outlet("v", _plan.OutletId is not null)}
                ORDER BY v.sort_key DESC LIMIT {ShareSample}),
            k AS MATERIALIZED (SELECT COALESCE(min(sort_key), 0) AS k, count(*)::int AS n FROM sample)
            SELECT -1 AS List, k.n AS Holding FROM k
            UNION ALL
            SELECT u.list, count(DISTINCT p.sort_key)::int
            FROM k CROSS JOIN unnest(@ListOf::int[], @LexemeIds::int[], @Fields::int[]) AS u(list, lexeme_id, fields)
            JOIN search_postings p ON p.lexeme_id = u.lexeme_id AND p.sort_key >= k.k AND p.sort_key < @High AND p.fields & u.fields <> 0
            GROUP BY u.list
            """;
        var rows = (await _c.QueryAsync<(int List, int Holding)>(Command(sql, new { ListOf = listOf.ToArray(), LexemeIds = lexemeIds.ToArray(), Fields = fields.ToArray() }))).AsList();
        var sample = Math.Max(1, rows.Where(r => r.List == -1).Select(r => r.Holding).FirstOrDefault());
        // A term is as rare as its rarest word; a term the postings cannot count (no word, or a prefix of too many) is
        // taken as common, which ranks it low.
        var holding = rows.Where(r => r.List >= 0).ToDictionary(r => r.List, r => r.Holding);
        var first = 0;
        return termLists.Select(lists =>
        {
            var counts = Enumerable.Range(first, lists.Count).Select(k => holding.GetValueOrDefault(k)).ToList();
            first += lists.Count;
            return counts.Count == 0 ? 1.0 : Math.Min(1.0, counts.Min() / (double)sample);
        }).ToList();
    }

    /// <summary>The newest matches, newest first: at least <paramref name="need"/>, or every match when there are fewer.</summary>
    public async Task<List<SearchMatch>> CollectAsync(int need)
    {
        if (_none)
        {
            return [];
        }

        await PinPlansAsync();
        var args = new DynamicParameters(MatchCollector.Arguments(_plan, _terms));
        args.AddDynamicParams(new { Before = _plan.High, Need = need });
        var check = _exact ? null : "v.document @@ (SELECT q FROM query)";
        var cte = _exact ? "" : "WITH query AS MATERIALIZED (SELECT search_query(@Words, @Weights, @Prefixes, @Groups, false) AS q)";
        var sql = MergeSql(cte, _required, headline: false, _excluded, check is null ? null : $"(SELECT {check} FROM search_vectors v WHERE v.sort_key = p0.sort_key)", args);
        return (await _c.QueryAsync<SearchMatch>(new CommandDefinition(sql, args, cancellationToken: _ct))).AsList();
    }

    /// <summary>
    /// The newest <see cref="SearchPlan.StrongWindow"/> articles older than <paramref name="cutoff"/> with the query's
    /// words in their title or byline (exclusions not applied), newest first; none when the query cannot match so.
    /// </summary>
    public async Task<List<SearchMatch>> StrongAsync(long cutoff)
    {
        var strong = TsQueryTerms.Strong(_plan.Query);
        if (strong.Words.Length == 0 || _none)
        {
            return [];
        }

        await PinPlansAsync();
        var args = new DynamicParameters(new
        {
            StrongWords = strong.Words, StrongWeights = strong.Weights, StrongPrefixes = strong.Prefixes, StrongGroups = strong.Groups,
            _plan.Low, _plan.OutletId, Before = cutoff, Need = SearchPlan.StrongWindow,
        });
        var cte = _strongExact ? "" : "WITH query AS MATERIALIZED (SELECT search_query(@StrongWords, @StrongWeights, @StrongPrefixes, @StrongGroups, false) AS q)";
        var check = _strongExact ? null : "(SELECT d.headline @@ (SELECT q FROM query) FROM search_documents d WHERE d.sort_key = p0.sort_key)";
        var sql = MergeSql(cte, _strongRequired, headline: true, [], check, args);
        return (await _c.QueryAsync<SearchMatch>(new CommandDefinition(sql, args, cancellationToken: _ct))).AsList();
    }

    private bool _pinned;

    // SET LOCAL lasts until the transaction the caller holds ends, so ranking, outside it, is planned freely.
    private async Task PinPlansAsync()
    {
        if (!_pinned)
        {
            await _c.ExecuteAsync(new CommandDefinition(PinPlansSql, cancellationToken: _ct));
            _pinned = true;
        }
    }

    /// <summary>
    /// The lists merged on the key, newest first, with the excluded words left out and anything else checked row by row
    /// (a subquery hidden in CASE, so that it runs only for the rows read before the limit is met).
    /// </summary>
    private string MergeSql(string cte, List<PostingList> lists, bool headline, List<PostingList> excluded, string? check, DynamicParameters args)
    {
        var sql = new StringBuilder(cte).AppendLine();
        sql.AppendLine("SELECT p0.sort_key AS Key, p0.sort_key & 4294967295 AS Id");
        var all = lists.Select((l, k) => ListSql(l, $"L{k}", headline, args)).ToList();
        if (_plan.OutletId is not null)
        {
            all.Add("SELECT sort_key FROM search_vectors WHERE outlet_id = @OutletId AND sort_key >= @Low AND sort_key < @Before");
        }

        for (var k = 0; k < all.Count; k++)
        {
            sql.AppendLine(k == 0 ? $"FROM ({all[k]}) p0" : $"JOIN ({all[k]}) p{k} ON p{k}.sort_key = p0.sort_key");
        }

        var conditions = new List<string>();
        for (var x = 0; x < excluded.Count; x++)
        {
            for (var j = 0; j < excluded[x].Ids.Length; j++)
            {
                args.Add($"X{x}_{j}", excluded[x].Ids[j]);
                args.Add($"XF{x}", excluded[x].Fields);
                conditions.Add($"NOT EXISTS (SELECT 1 FROM search_postings x WHERE x.lexeme_id = @X{x}_{j} AND x.sort_key = p0.sort_key AND x.fields & @XF{x} <> 0)");
            }
        }

        if (check is not null)
        {
            conditions.Add($"(CASE WHEN {check} THEN true END)");
        }

        if (conditions.Count > 0)
        {
            sql.AppendLine("WHERE " + string.Join(" AND ", conditions));
        }

        sql.Append("ORDER BY p0.sort_key DESC LIMIT @Need");
        return sql.ToString();
    }

    // One list: a lexeme's keys in range, newest first, in the fields asked for; a prefix's lexemes merged, each key once.
    private static string ListSql(PostingList list, string name, bool headline, DynamicParameters args)
    {
        args.Add($"{name}F", list.Fields);
        var fields = headline ? $" AND fields & {Headline} <> 0 AND fields & @{name}F <> 0"
            : list.Fields == AllFields ? "" : $" AND fields & @{name}F <> 0";
        var scans = list.Ids.Select((id, j) =>
        {
            args.Add($"{name}_{j}", id);
            return $"SELECT sort_key FROM search_postings WHERE lexeme_id = @{name}_{j} AND sort_key >= @Low AND sort_key < @Before{fields}";
        }).ToList();
        return scans.Count == 1 ? scans[0] : $"SELECT DISTINCT sort_key FROM ({string.Join(" UNION ALL ", scans)}) u ORDER BY sort_key DESC";
    }

    /// <summary>
    /// The lists a term's words give, and whether they alone decide the term: one word, read whole. A one-letter word
    /// beside longer ones (the s of "Tokyo’s", in most articles) and a prefix covering too many lexemes are left to the
    /// vector's check.
    /// </summary>
    private static (List<PostingList> Lists, bool Exact) Lists(IReadOnlyList<TermWord> words, int fields)
    {
        var longest = words.Count == 0 ? 0 : words.Max(w => w.Lexeme.Length);
        var lists = words.Where(w => !w.TooWide && (w.Lexeme.Length > 1 || longest == 1))
            .Select(w => new PostingList(w.Ids, fields))
            .Distinct()
            .ToList();
        return (lists, words.Count == 1 && lists.Count == 1);
    }

    private static int FieldMask(string weights) => weights.Length == 0
        ? AllFields
        : weights.Aggregate(0, (mask, w) => mask | w switch { 'A' => 1, 'B' => 2, 'C' => 4, _ => 8 });

    private CommandDefinition Command(string sql, object extra)
    {
        var args = MatchCollector.Arguments(_plan, _terms);
        args.AddDynamicParams(extra);
        return new CommandDefinition(sql, args, cancellationToken: _ct);
    }

    /// <summary>The keys holding one of these lexemes in one of these fields (bits: title 1, byline 2, outlet 4, body 8).</summary>
    private sealed record PostingList(int[] Ids, int Fields)
    {
        public bool Equals(PostingList? other) => other is not null && Fields == other.Fields && Ids.SequenceEqual(other.Ids);

        public override int GetHashCode() => HashCode.Combine(Fields, Ids.Length == 0 ? 0 : Ids[0], Ids.Length);
    }
}
