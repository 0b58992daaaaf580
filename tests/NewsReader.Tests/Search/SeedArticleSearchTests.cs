using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsReader.Search.Highlighting;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>
/// The shipped seed is real scraped text with curly apostrophes and dashes: every word of it must find it, through the
/// page and the API. Words after the first curly quote once hung the snippet builder forever.
/// </summary>
public sealed class SeedArticleSearchTests(SeedAppFixture seed) : IClassFixture<SeedAppFixture>
{
    private const string Slug = "japan-establishes-diplomatic-mission-to-nato-as-ties-to-russia-china-deteriorate";

    // A search that would hang fails the test instead of stopping the run.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private NewsReaderApp App => seed.App;

    public static IReadOnlyList<string> SeedWords()
    {
        // The publication date is a filter (from:, to:), not words of the text: "17" and "2025" of the byline line's date
        // are not searched for; the bureau before it is.
        var text = Regex.Replace(File.ReadAllText(Seeds.SeedFile), @"\p{Lu}\p{Ll}+ \d{1,2}, \d{4}$", "", RegexOptions.Multiline);
        var tokens = new TokenReader(text);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; tokens.Has(i); i++)
        {
            words.Add(tokens.Word(i).ToString());
        }

        // Stray page words ("Features", "Dismiss") are dropped at ingestion, so they rightly find nothing.
        words.ExceptWith(["Features", "Dismiss"]);
        return [.. words.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void SeedWords_IncludeWordsAfterCurlyApostrophesAndInTheBylineAndOutlet()
    {
        var words = SeedWords();

        Assert.Contains("Ukraine", words);
        Assert.Contains("Beijing", words);
        Assert.Contains("bno", words);
        Assert.Contains("IntelliNews", words);
        Assert.Contains("Taipei", words);
        Assert.DoesNotContain("2025", words);
        Assert.True(words.Count > 200, $"only {words.Count} words");
    }

    [Fact]
    public async Task EveryWordOfTheSeed_FindsIt_OnTheSearchPage()
    {
        using var client = App.CreateClient();
        client.Timeout = HangGuard;
        var missing = new List<string>();
        foreach (var word in SeedWords())
        {
            var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(word));
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !html.Contains($"href=\"/articles/{Slug}\"", StringComparison.Ordinal))
            {
                missing.Add($"{word} ({(int)response.StatusCode})");
            }
        }

        Assert.True(missing.Count == 0, "No hit for: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryWordOfTheSeed_FindsIt_ThroughTheApi()
    {
        using var client = App.CreateClient();
        client.Timeout = HangGuard;
        var missing = new List<string>();
        foreach (var word in SeedWords())
        {
            var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(word));
            var found = response.StatusCode == HttpStatusCode.OK
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("results")
                    .EnumerateArray().Any(r => r.GetProperty("slug").GetString() == Slug);
            if (!found)
            {
                missing.Add($"{word} ({(int)response.StatusCode})");
            }
        }

        Assert.True(missing.Count == 0, "No hit for: " + string.Join(", ", missing));
    }

    [Theory]
    // A word with an apostrophe is a phrase of its parts, marked whole.
    [InlineData("Tokyo’s interests", "Tokyo’s")]
    [InlineData("Ukraine", "Ukraine")]
    [InlineData("bno", null)]
    public async Task SeedSearch_MarksTheMatchedWordInTheSnippet(string q, string? marked)
    {
        using var client = App.CreateClient();
        client.Timeout = HangGuard;

        var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(q))).RootElement;

        var snippet = json.GetProperty("results")[0].GetProperty("snippet").GetString()!;
        if (marked is null)
        {
            // Only in the byline and outlet: the snippet is the opening of the body, unmarked.
            Assert.DoesNotContain("<mark>", snippet);
            Assert.StartsWith("Japan has formally launched", snippet);
        }
        else
        {
            Assert.Contains($"<mark>{marked}</mark>", snippet);
        }
    }
}
