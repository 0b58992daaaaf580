using System.Net;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>
/// Queries an attacker or a clumsy reader sends, through every search endpoint: each gets 200 with guidance or a 400
/// problem, never a 5xx, never a hang. Over the shipped seed, whose curly quotes once made searches spin forever.
/// </summary>
public sealed class HostileQueryTests(SeedAppFixture seed) : IClassFixture<SeedAppFixture>
{
    private static readonly string[] Endpoints = ["/search?q=", "/api/search?q=", "/search/feed?q="];

    private NewsReaderApp App => seed.App;

    public static TheoryData<string> BadQueries() =>
    [
        "\"unbalanced", "\"\"", "\"", "AND", "OR", "NOT", "NEAR(", "NEAR(NATO Japan, 5)", "NATO AND", "OR NATO OR", "-", "--NATO",
        "title:", "author:", "source:", "from:", "to:", "from:notadate NATO", "colour:red", "*", "N*", "NATO*", "^NATO", "(NATO",
        "NATO)", "{NATO}", "NATO:", ":NATO", "title:\"", "\"NATO\" \"Japan", "\u0000NATO", "NATO\u000B\u000E", "\u009DNATO",
        "\uD800", "\uDC00NATO", "\uFFFF", "\u200B\u200E\u202E", "«NATO»", "“Tokyo’s interests”", "Tokyo’s", "Moscow –", "—",
        "😀", "👩‍👩‍👧 NATO", "১২৩", "東京", "مرحبا", "e\u0301", "\u0301", new string('a', 10_000), string.Concat(Enumerable.Repeat("NATO OR ", 2_000)),
        string.Concat(Enumerable.Repeat("\"", 5_000)), string.Concat(Enumerable.Repeat("(", 5_000)), string.Concat(Enumerable.Repeat("a* ", 3_000)),
    ];

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task BadQuery_OnEverySearchEndpoint_AnswersWithoutAServerError(string q)
    {
        using var client = App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        var answers = new List<string>();
        foreach (var endpoint in Endpoints)
        {
            var response = await client.GetAsync(endpoint + Uri.EscapeDataString(q));
            answers.Add($"{endpoint}: {(int)response.StatusCode}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, string.Join("; ", answers));
        }
    }

    [Fact]
    public async Task RandomUnicodeQueries_ThroughTheApi_NeverGetAServerError()
    {
        using var client = App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        var failures = new List<string>();
        for (var seed = 0; seed < 300; seed++)
        {
            var rng = new Random(seed);
            var q = UnicodeText.Query(rng, UnicodeText.Text(rng, 30));
            var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(q));
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
            {
                failures.Add($"seed {seed}: {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(", ", failures));
    }

    [Theory]
    [InlineData("“diplomatic mission”")]
    [InlineData("«diplomatic mission»")]
    [InlineData("\"diplomatic mission\"")]
    public async Task CurlyOrAngleQuotes_SearchAPhrase_AsStraightOnesDo(string q)
    {
        var (response, page) = await App.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<mark>diplomatic mission</mark>", page.DocumentElement.OuterHtml);
    }
}
