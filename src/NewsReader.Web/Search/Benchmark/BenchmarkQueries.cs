using System.Data.Common;
using Dapper;

namespace NewsReader.Search.Benchmark;

/// <summary>
/// The query mixes: a fixed one in the generated corpus's vocabulary (see <see cref="NewsReader.Corpus.CorpusWords"/>),
/// whose topic words match roughly one article in eight, and one sampled from any database's own articles, for
/// databases ingested from real pages.
/// </summary>
public static class BenchmarkQueries
{
    public static readonly (string Kind, string Q)[] Fixed =
    [
        ("1-word", "inflation"),
        ("1-word", "vaccine"),
        ("1-word", "stadium"),
        ("1-word", "refugees"),
        ("2-word", "climate drought"),
        ("2-word", "court verdict"),
        ("2-word", "election turnout"),
        ("2-word", "museum festival"),
        ("phrase", "\"central bank\""),
        ("phrase", "\"energy regulator\""),
        ("phrase", "\"supreme court\" judge"),
        ("phrase", "“teachers’ union”"),
        ("prefix", "semicon*"),
        ("prefix", "vacc*"),
        ("prefix", "harv*"),
        ("prefix", "refine*"),
        ("filtered", "inflation from:2024-01-01 to:2024-06-30"),
        ("filtered", "election source:gazette"),
        ("filtered", "author:ruiz climate"),
        ("filtered", "title:harvest"),
        ("unicode", "zurich"),
        ("unicode", "Київ"),
        ("unicode", "Bogotá’s"),
        ("unicode", "東京"),
    ];

    private static readonly char[] Punctuation = ".,;:!?\"'“”‘’()[]«»—–-".ToCharArray();

    private const string SampleSql = """
        SELECT a.title AS Title, a.byline AS Byline, o.slug AS OutletSlug, substr(r.body_text, 1, 2000) AS Body,
               substr(a.published_at, 1, 4) AS Year
        FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE a.id IN (SELECT id FROM articles ORDER BY random() LIMIT 64)
        """;

    private sealed record Sample(string Title, string? Byline, string? OutletSlug, string Body, string? Year);

    /// <summary>
    /// A mix of the same kinds drawn from the database's own text (words from titles and bodies as they are written, with
    /// their accents and scripts), so a database of real pages gets realistic searches. Random per run, like real readers.
    /// </summary>
    public static async Task<(string Kind, string Q)[]> SampleAsync(DbConnection c, CancellationToken ct)
    {
        var samples = (await c.QueryAsync<Sample>(new CommandDefinition(SampleSql, cancellationToken: ct))).AsList();
        if (samples.Count == 0)
        {
            throw new InvalidOperationException("The database has no articles to sample searches from.");
        }

        var rng = new Random();
        var mix = new List<(string, string)>();
        for (var i = 0; mix.Count < 24 && i < samples.Count * 4; i++)
        {
            var s = samples[i % samples.Count];
            var titleWords = Words(s.Title);
            var bodyWords = Words(s.Body);
            if (titleWords.Length < 2 || bodyWords.Length < 10)
            {
                continue;
            }

            var word = titleWords[rng.Next(titleWords.Length)];
            var at = rng.Next(bodyWords.Length - 1);
            (string, string)? query = (mix.Count / 4) switch
            {
                0 => ("1-word", word),
                1 => ("2-word", $"{word} {bodyWords[rng.Next(bodyWords.Length)]}"),
                2 => ("phrase", $"\"{bodyWords[at]} {bodyWords[at + 1]}\""),
                3 => word.Length >= 5 ? ("prefix", word[..4] + "*") : null,
                4 => s.OutletSlug is null ? null : ("filtered", $"{word} source:{s.OutletSlug}"),
                _ => s.Year is null ? null : ("filtered", $"title:{word} from:{s.Year}-01-01"),
            };
            if (query is { } q)
            {
                mix.Add(q);
            }
        }

        return [.. mix];
    }

    // Words of four letters or more as the text writes them, so the mix carries the corpus's own scripts and accents.
    private static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Punctuation))
            .Where(w => w.Length >= 4 && w.All(ch => char.IsLetterOrDigit(ch) || ch is '’' or '\''))
            .ToArray();
}
