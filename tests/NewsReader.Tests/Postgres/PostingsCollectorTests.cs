using Dapper;
using NewsReader.Search;
using NewsReader.Search.Postgres;
using NewsReader.Tests.Search;

namespace NewsReader.Tests.Postgres;

/// <summary>
/// Whatever shape a query has (words, phrases with one-letter words, prefixes narrow and wide, fields, alternatives,
/// excluded words and phrases, dates, an outlet), the merged postings give exactly what a plain scan of every vector
/// gives, newest first, for the matches and for the strong headline matches ranking adds (exclusions applied).
/// </summary>
public sealed class PostingsCollectorTests(PostgresKnownWordsArchive archive) : IClassFixture<PostgresKnownWordsArchive>
{
    private const string TruthSql = """
        WITH q AS MATERIALIZED (SELECT search_query(@Words, @Weights, @Prefixes, @Groups, false) AS q)
        SELECT v.sort_key AS Key, v.article_id AS Id FROM search_vectors v, q
        WHERE v.document @@ q.q
          AND v.sort_key >= @Low AND v.sort_key < @High AND (@OutletId::bigint IS NULL OR v.outlet_id = @OutletId)
        ORDER BY v.sort_key DESC
        """;

    private const string StrongTruthSql = """
        WITH q AS MATERIALIZED (SELECT search_query(@StrongWords, @StrongWeights, @StrongPrefixes, @StrongGroups, false) AS strong,
                                       search_query(@Words, @Weights, @Prefixes, @Groups, false) AS q)
        SELECT d.sort_key AS Key, d.article_id AS Id FROM search_documents d JOIN search_vectors v ON v.article_id = d.article_id, q
        WHERE d.headline @@ q.strong AND v.document @@ q.q
          AND d.sort_key >= @Low AND d.sort_key < @Before AND (@OutletId::bigint IS NULL OR d.outlet_id = @OutletId)
        ORDER BY d.sort_key DESC LIMIT 100
        """;

    private static readonly (string Q, string? Outlet)[] Shapes =
    [
        ("alpha", null), ("beta", null), ("gamma", null), ("omega", null), ("\"blue heron\"", null), ("heron -\"blue heron\"", null),
        ("alpha -gamma", null), ("title:beta", null), ("gamma OR beta", null), ("beta from:2022-01-01 to:2022-12-31", null),
        ("alpha source:harbour", null), ("beta", "harbour-gazette"), ("omega", "harbour-gazette"), ("nothingatall", null),
        ("title:beta OR gamma", null), ("author:ruiz beta", null), ("alpha -title:beta", null), ("omega -\"blue heron\"", null),
        ("gam*", null), ("her* -blu*", null), ("\"blue her*\"", null), ("title:bet*", null), ("m*", null), ("alpha -m*", null),
        ("\"a blue heron\"", null), ("\"heron stood by the pond\"", null), ("report’s beta", null), ("Report 06*", null),
        ("alpha beta -gamma", null), ("nothingatall*", null), ("alpha nothingatall", null), ("beta -nothingatall", null),
        ("“blue heron” OR gamma alpha", null), ("title:report title:beta", null), ("harbour budget", "harbour-gazette"),
        ("\"heron blue\"", null), ("\"stood by\" -gamma", null), ("title:\"on beta\"", null), ("\"blue roof\" omega", null),
    ];

    public static TheoryData<string, string?, int> Cases()
    {
        var data = new TheoryData<string, string?, int>();
        foreach (var (q, outlet) in Shapes)
        {
            foreach (var need in new[] { 10, 300, 1_001 })
            {
                data.Add(q, outlet, need);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Collected_AreTheNewestMatches_AndTheStrongOnesTheNewestHeadlineMatches(string q, string? outlet, int need)
    {
        var query = SearchQueryParser.Parse(q, outlet);
        await using var c = await archive.App.OpenDatabaseAsync();
        var plan = await SearchStore.PlanAsync(c, query, 1, CancellationToken.None);
        var terms = TsQueryTerms.From(query);
        var truth = (await c.QueryAsync<SearchMatch>(TruthSql, new { terms.Words, terms.Weights, terms.Prefixes, terms.Groups, plan!.Low, plan.High, plan.OutletId })).ToList();
        var lexemes = await QueryLexemes.LoadAsync(c, plan, terms, count: false, CancellationToken.None);
        if (PostingsCollector.For(c, plan, terms, lexemes, CancellationToken.None) is not { } postings)
        {
            Assert.Contains(q, new[] { "gamma OR beta", "title:beta OR gamma", "m*" });
            return;
        }

        var cutoff = truth.Count > 20 ? truth[20].Key : long.MaxValue;
        var strong = TsQueryTerms.Strong(query);
        var strongTruth = strong.Words.Length == 0 ? [] : (await c.QueryAsync<SearchMatch>(StrongTruthSql,
            new
            {
                StrongWords = strong.Words, StrongWeights = strong.Weights, StrongPrefixes = strong.Prefixes, StrongGroups = strong.Groups,
                terms.Words, terms.Weights, terms.Prefixes, terms.Groups, plan.Low, Before = cutoff, plan.OutletId,
            })).ToList();

        // The collector's planner settings hold until the transaction ends, as in PostgresSearchIndex.
        await using var tx = await c.BeginTransactionAsync();
        var collected = (await postings.CollectAsync(need)).Select(m => m.Match).ToList();
        var strongCollected = (await postings.StrongAsync(cutoff)).Select(m => m.Match).ToList();

        Assert.True(collected.Count >= Math.Min(need, truth.Count), $"{collected.Count} collected of {truth.Count}, {need} needed");
        Assert.Equal(truth.Take(collected.Count), collected);
        Assert.Equal(strongTruth, strongCollected);
    }

    public static TheoryData<string> TextShapes()
    {
        var data = new TheoryData<string>();
        foreach (var q in Shapes.Select(s => s.Q).Concat(["o’brien's back\\slash", "title:bet* author:ruiz", "alpha -\"blue her*\" -omega", "!!! alpha", "alpha -!!!", "\"!!! blue\" OR gamma"]).Distinct())
        {
            data.Add(q);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextShapes))]
    public async Task TsQueryText_IsTheTsqueryOfSearchQuery_AndItsHeadlineForm(string q)
    {
        // The merges check candidates against the vectors with a tsquery built in C# from the lexemes already looked up;
        // it must be the very tsquery search_query() builds, which the GIN search and the truth above use.
        await using var c = await archive.App.OpenDatabaseAsync();
        var query = SearchQueryParser.Parse(q, null);
        var plan = await SearchStore.PlanAsync(c, query, 1, CancellationToken.None);
        var terms = TsQueryTerms.From(query);
        var strong = TsQueryTerms.Strong(query);
        var lexemes = await QueryLexemes.LoadAsync(c, plan!, terms, count: false, CancellationToken.None);

        foreach (var form in new[] { terms, strong })
        {
            var built = TsQueryText.Build(form, lexemes.Terms);
            var expected = await c.QuerySingleAsync<string?>(
                "SELECT search_query(@Words, @Weights, @Prefixes, @Groups, false)::text", new { form.Words, form.Weights, form.Prefixes, form.Groups });
            Assert.Equal(expected, built is null ? null : await c.QuerySingleAsync<string>("SELECT @built::tsquery::text", new { built }));
        }
    }

    /// <summary>The collector for <paramref name="q"/>, its words counted.</summary>
    internal static async Task<(PostingsCollector Postings, TsQueryTerms Terms)> CollectorAsync(System.Data.Common.DbConnection c, string q)
    {
        var query = SearchQueryParser.Parse(q, null);
        var plan = await SearchStore.PlanAsync(c, query, 1, CancellationToken.None);
        var terms = TsQueryTerms.From(query);
        var lexemes = await QueryLexemes.LoadAsync(c, plan!, terms, count: true, CancellationToken.None);
        return (PostingsCollector.For(c, plan!, terms, lexemes, CancellationToken.None)!, terms);
    }

    [Theory]
    [InlineData("alpha gamma")]
    [InlineData("\"blue heron\" gamma")]
    public async Task TermShares_AreTheShareOfTheNewestArticlesHoldingEachTerm(string q)
    {
        await using var c = await archive.App.OpenDatabaseAsync();
        var (postings, _) = await PostingsCollectorTests.CollectorAsync(c, q);

        var shares = postings.TermShares();

        // The newest 200 of the 1,200 days are a fair sample: alpha is in 6 of 10 articles, gamma in 1 of 50. A phrase
        // is as rare as its rarest word: "blue" is in 2 of 10 (1 with "heron" beside it, 1 with it apart).
        var expected = q.StartsWith("alpha", StringComparison.Ordinal) ? new[] { 0.6, 0.02 } : [0.2, 0.02];
        Assert.Equal(2, shares.Count);
        Assert.InRange(shares[0], expected[0] - 0.08, expected[0] + 0.08);
        Assert.InRange(shares[1], 0, expected[1] + 0.04);
    }
}

/// <summary>
/// Ranking from the postings gives ts_rank's own score (normalisation 1) for a word, wherever it is: in the title and
/// the body ("beta" in some titles), in the title alone ("report"), in the body alone ("alpha"), in the byline.
/// </summary>
public sealed class PostingsRankerTests(PostgresKnownWordsArchive archive) : IClassFixture<PostgresKnownWordsArchive>
{
    private const string TsRankSql = """
        SELECT v.sort_key AS Key, ts_rank(v.document, search_query(@Words, @Weights, @Prefixes, @Groups, false), 1) AS Rank
        FROM search_vectors v WHERE v.sort_key = ANY(@Keys)
        """;

    [Theory]
    [InlineData("beta")]
    [InlineData("report")]
    [InlineData("alpha")]
    [InlineData("title:beta")]
    [InlineData("ruiz")]
    public async Task Score_OfAWord_IsTsRanksScore(string q)
    {
        await using var c = await archive.App.OpenDatabaseAsync();
        var (postings, terms) = await PostingsCollectorTests.CollectorAsync(c, q);
        List<PostingMatch> matches;
        await using (var tx = await c.BeginTransactionAsync())
        {
            matches = await postings.CollectAsync(200);
        }

        var ranks = (await c.QueryAsync<(long Key, float Rank)>(TsRankSql, new { terms.Words, terms.Weights, terms.Prefixes, terms.Groups, Keys = matches.Select(m => m.Key).ToArray() }))
            .ToDictionary(r => r.Key, r => r.Rank);

        Assert.NotEmpty(matches);
        foreach (var m in matches)
        {
            var score = PostingsRanker.Score(m, postings.TermLists!, [1.0]);
            // The article's length is kept to an eighth of a power of two: within 1 % of ts_rank's.
            Assert.InRange(score, ranks[m.Key] * 0.99, ranks[m.Key] * 1.01);
        }
    }
}
