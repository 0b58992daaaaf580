using Dapper;
using NewsReader.Search;
using NewsReader.Search.Postgres;
using NewsReader.Tests.Infrastructure;
using NewsReader.Tests.Search;

namespace NewsReader.Tests.Postgres;

/// <summary>The known-words archive on PostgreSQL, whichever store the other tests run on.</summary>
public sealed class PostgresKnownWordsArchive() : KnownWordsArchive(TestDatabase.CreatePostgres());

/// <summary>
/// Every way <see cref="MatchCollector"/> goes about collecting the newest matches (walking back from the newest, GIN in
/// a recent range and then the rest, checking phrases and fields afterwards) gives exactly what a plain scan of every
/// vector gives: small probes and small needs push each query down each way.
/// </summary>
public sealed class MatchCollectorTests(PostgresKnownWordsArchive archive) : IClassFixture<PostgresKnownWordsArchive>
{
    private const string TruthSql = """
        SELECT v.sort_key AS Key, v.article_id AS Id FROM search_vectors v
        WHERE v.document @@ search_query(@Words, @Weights, @Prefixes, @Groups, false)
          AND v.sort_key >= @Low AND v.sort_key < @High AND (@OutletId::bigint IS NULL OR v.outlet_id = @OutletId)
        ORDER BY v.sort_key DESC
        """;

    public static TheoryData<string, string?, int, int> Cases()
    {
        var data = new TheoryData<string, string?, int, int>();
        foreach (var (q, outlet) in new (string, string?)[]
                 {
                     ("alpha", null), ("beta", null), ("gamma", null), ("omega", null), ("\"blue heron\"", null), ("heron -\"blue heron\"", null),
                     ("alpha -gamma", null), ("title:beta", null), ("gamma OR beta", null), ("beta from:2022-01-01 to:2022-12-31", null),
                     ("alpha source:harbour", null), ("beta", "harbour-gazette"), ("omega", "harbour-gazette"), ("nothingatall", null),
                 })
        {
            foreach (var (probe, need) in new[] { (5, 10), (20, 50), (20, 300), (300, 1_001) })
            {
                data.Add(q, outlet, probe, need);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Collected_AreTheNewestMatches_AtLeastAsManyAsNeeded(string q, string? outlet, int probe, int need)
    {
        var query = SearchQueryParser.Parse(q, outlet);
        await using var c = await archive.App.OpenDatabaseAsync();
        var plan = await SearchStore.PlanAsync(c, query, 1, CancellationToken.None);
        var terms = TsQueryTerms.From(query);
        var truth = (await c.QueryAsync<SearchMatch>(TruthSql, new { terms.Words, terms.Weights, terms.Prefixes, terms.Groups, plan!.Low, plan.High, plan.OutletId })).ToList();

        var collected = await new MatchCollector(c, plan, terms, CancellationToken.None, probe).CollectAsync(need);

        Assert.True(collected.Count >= Math.Min(need, truth.Count), $"{collected.Count} collected of {truth.Count}, {need} needed");
        Assert.Equal(truth.Take(collected.Count), collected);
    }
}
