using System.Text.Json;

namespace NewsReader.Tests.Search;

/// <summary>
/// Searches whose answers are known (<see cref="KnownWordsArchive"/>): words most articles hold, a tenth, a fiftieth,
/// phrases, exclusions and fields. The counts are exact up to 1,000 and the newest-first pages hold exactly the newest
/// matches, however the index goes about finding them.
/// </summary>
public sealed class KnownWordsSearchTests(KnownWordsArchive archive) : IClassFixture<KnownWordsArchive>
{
    private static readonly Dictionary<string, Func<int, bool>> Queries = new()
    {
        ["alpha"] = KnownWordsArchive.Alpha,
        ["beta"] = KnownWordsArchive.Beta,
        ["gamma"] = KnownWordsArchive.Gamma,
        ["\"blue heron\""] = KnownWordsArchive.BlueHeron,
        ["heron blue"] = i => KnownWordsArchive.BlueHeron(i) || KnownWordsArchive.HeronAndBlueApart(i),
        ["alpha -gamma"] = i => KnownWordsArchive.Alpha(i) && !KnownWordsArchive.Gamma(i),
        ["heron -\"blue heron\""] = KnownWordsArchive.HeronAndBlueApart,
        ["title:beta"] = KnownWordsArchive.BetaInTitle,
        ["gamma OR beta"] = i => KnownWordsArchive.Gamma(i) || KnownWordsArchive.Beta(i),
        ["omega"] = _ => true,
    };

    public static TheoryData<string> QueryTexts() => [.. Queries.Keys];

    private async Task<JsonElement> SearchAsync(string q, string more = "")
    {
        using var client = archive.App.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(q) + more)).RootElement;
    }

    private static List<string> Titles(JsonElement json) =>
        json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("title").GetString()!).ToList();

    [Theory]
    [MemberData(nameof(QueryTexts))]
    public async Task Count_IsExactUpToAThousand(string q)
    {
        var expected = KnownWordsArchive.NewestFirst(Queries[q]).Count;

        var json = await SearchAsync(q);

        Assert.Equal(Math.Min(expected, 1_000), json.GetProperty("total").GetInt32());
        Assert.Equal(expected > 1_000, json.GetProperty("totalIsLowerBound").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(QueryTexts))]
    public async Task NewestFirst_ListsExactlyTheNewestMatches_PageAfterPage(string q)
    {
        var expected = KnownWordsArchive.NewestFirst(Queries[q]);

        var first = Titles(await SearchAsync(q, "&sort=date"));
        var third = Titles(await SearchAsync(q, "&sort=date&page=3"));

        Assert.Equal(expected.Take(25), first);
        Assert.Equal(expected.Skip(50).Take(25), third);
    }

    [Theory]
    [MemberData(nameof(QueryTexts))]
    public async Task BestMatchFirst_FindsOnlyMatches(string q)
    {
        var matching = KnownWordsArchive.NewestFirst(Queries[q]).ToHashSet();

        var titles = Titles(await SearchAsync(q));

        Assert.Equal(Math.Min(25, matching.Count), titles.Count);
        Assert.All(titles, t => Assert.Contains(t, matching));
    }

    [Fact]
    public async Task BestMatchFirst_PutsTheWordInTheTitleFirst()
    {
        var titles = Titles(await SearchAsync("beta"));

        Assert.All(titles, t => Assert.EndsWith(" on beta", t));
    }
}
