using System.Net;
using System.Text.Json;
using NewsReader.Corpus;
using NewsReader.Search.Highlighting;
using NewsReader.Tests.Infrastructure;

namespace NewsReader.Tests.Search;

/// <summary>Search over a generated corpus with real news typography: curly quotes, dashes, guillemets, other scripts.</summary>
public sealed class GeneratedCorpusSearchTests(GeneratedCorpusSearchTests.Corpus corpus) : IClassFixture<GeneratedCorpusSearchTests.Corpus>
{
    public sealed class Corpus : IAsyncLifetime
    {
        public const int Count = 150;

        public NewsReaderApp App { get; } = new(settings: new Dictionary<string, string?> { ["NewsReader:Api:RateLimitPermits"] = "0" });

        public async Task InitializeAsync()
        {
            CorpusGenerator.Write(App.SeedsPath, Count, seed: 7, CancellationToken.None);
            await App.IngestAsync();
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>Three words in a row from a body, starting right after a character outside ASCII (’ ” — « and the like).</summary>
    private static IEnumerable<(int Article, string Phrase)> PhrasesAfterTypography()
    {
        for (var n = 0; n < Corpus.Count; n += 3)
        {
            var text = CorpusGenerator.Article(7, n);
            var body = text[(text.IndexOf("\n\n", text.IndexOf(" Bureau ", StringComparison.Ordinal), StringComparison.Ordinal) + 2)..];
            var tokens = new TokenReader(body);
            for (var i = 1; tokens.Has(i + 2); i++)
            {
                var before = body[tokens[i - 1].End..tokens[i].Start];
                if (!System.Text.Ascii.IsValid(before))
                {
                    yield return (n, string.Join(' ', Enumerable.Range(i, 3).Select(k => tokens.Word(k).ToString())));
                    break;
                }
            }
        }
    }

    [Fact]
    public void Corpus_HasRealTypography()
    {
        var text = string.Concat(Enumerable.Range(0, Corpus.Count).Select(n => CorpusGenerator.Article(7, n)));

        foreach (var mark in new[] { "’", "“", "”", "—", "–", "\u00A0" })
        {
            Assert.Contains(mark, text);
        }

        Assert.Contains(Enumerable.Range(0, text.Length), i => char.IsLetter(text[i]) && text[i] > '\u036F');   // beyond Latin
        Assert.True(PhrasesAfterTypography().Count() >= 40);
    }

    [Fact]
    public async Task PhrasesRightAfterCurlyQuotesAndDashes_FindTheirArticle_Marked()
    {
        using var client = corpus.App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        var failures = new List<string>();
        foreach (var (article, phrase) in PhrasesAfterTypography())
        {
            var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString($"\"{phrase}\""));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{article} \"{phrase}\": {(int)response.StatusCode}");
                continue;
            }

            var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("results").EnumerateArray().ToList();
            if (results.Count == 0 || !results.Any(r => r.GetProperty("snippet").GetString()!.Contains("<mark>", StringComparison.Ordinal)))
            {
                failures.Add($"{article} \"{phrase}\": {results.Count} results, none marked");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
