using System.Globalization;
using System.Text;
using static NewsReader.Corpus.CorpusWords;

namespace NewsReader.Corpus;

/// <summary>
/// Writes synthetic articles in the seeds' text format (title twice, "Title / Outlet", "By X - City Bureau Month D, YYYY",
/// paragraphs, stray page furniture), with the typography of real news text (<see cref="Typography"/>). Article n depends
/// only on (seed, n), so a corpus is reproducible and written in parallel.
/// </summary>
public static class CorpusGenerator
{
    public const int OutletCount = 40;
    public const int AuthorsPerOutlet = 10;
    public const int MinWords = 300;
    public const int MaxWords = 1500;

    private static readonly DateOnly FirstDay = new(2020, 1, 1);
    private static readonly int DaySpan = new DateOnly(2025, 12, 31).DayNumber - FirstDay.DayNumber;

    public static string Outlet(int i) => $"{OutletFirst[i % OutletFirst.Length]} {OutletSecond[(i * 7 + i / OutletFirst.Length) % OutletSecond.Length]}";

    public static string Author(int i) => $"{FirstNames[i % FirstNames.Length]} {LastNames[(i * 13 + i / FirstNames.Length) % LastNames.Length]}";

    /// <summary>Writes articles 0..count-1 as out/NNN/NNNNNN.txt (a thousand files a folder).</summary>
    public static void Write(string folder, int count, int seed, CancellationToken ct)
    {
        Parallel.For(0, count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, n =>
        {
            var dir = Path.Combine(folder, (n / 1000).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, n.ToString("D6", CultureInfo.InvariantCulture) + ".txt"), Article(seed, n));
        });
    }

    public static string Article(int seed, int n)
    {
        var rng = new Random(unchecked((seed * 1_000_003) ^ (n * 7_919) ^ 0x5eed));
        var outlet = rng.Next(OutletCount);
        var authors = new List<string> { Author(outlet + (OutletCount * rng.Next(AuthorsPerOutlet))) };
        if (rng.NextDouble() < 0.15)
        {
            var second = Author(outlet + (OutletCount * rng.Next(AuthorsPerOutlet)));
            if (second != authors[0])
            {
                authors.Add(second);
            }
        }

        var topic = Topics[rng.Next(Topics.Length)];
        var other = Topics[rng.Next(Topics.Length)];
        var city = Pick(rng, Cities);
        var date = FirstDay.AddDays(rng.Next(DaySpan + 1));
        var title = Title(rng, topic, city);

        var sb = new StringBuilder(12_000);
        sb.Append(title).Append("\n\n").Append(title).Append('\n');
        sb.Append(title).Append(" / ").Append(Outlet(outlet)).Append('\n');
        sb.Append("By ").Append(string.Join(" and ", authors)).Append(" - ").Append(Pick(rng, Cities)).Append(" Bureau ")
            .Append(Months[date.Month - 1]).Append(' ').Append(date.Day).Append(", ").Append(date.Year).Append("\n\n");

        var target = rng.Next(MinWords, MaxWords + 1);
        for (var words = 0; words < target;)
        {
            var sentences = rng.Next(2, 5);
            for (var s = 0; s < sentences && words < target; s++)
            {
                words += Sentence(sb, rng, rng.NextDouble() < 0.8 ? topic : other, city, s > 0);
            }

            sb.Append("\n\n");
        }

        sb.Append(rng.NextDouble() < 0.5 ? "Features\n\nDismiss" : "Share\n\nFeatures\n\nDismiss");
        return sb.ToString();
    }

    private static string Title(Random rng, string[] topic, string city) => rng.Next(4) switch
    {
        0 => Capital($"{Pick(rng, Organisations)} {Pick(rng, Verbs)} {Pick(rng, Adjectives)} {Pick(rng, topic)} {Pick(rng, Common)} in {city}"),
        1 => $"{city} {Pick(rng, topic)} {Pick(rng, Common)} {Pick(rng, Verbs)} as {Pick(rng, topic)} {Pick(rng, Common)} grows",
        2 => Capital($"{Pick(rng, Adjectives)} {Pick(rng, topic)} {Pick(rng, Common)} {Pick(rng, Verbs)} for {Pick(rng, Organisations)}"),
        _ => $"Why {Pick(rng, topic)} {Pick(rng, Common)} is {Pick(rng, Adjectives)} for {city} {Pick(rng, Common)}",
    };

    /// <summary>One sentence of news-like prose; returns its word count.</summary>
    private static int Sentence(StringBuilder sb, Random rng, string[] topic, string city, bool space)
    {
        if (space)
        {
            sb.Append(' ');
        }

        var length = rng.Next(12, 29);
        var quote = rng.NextDouble() < 0.1;
        var (open, close) = Typography.Quotes(rng);
        if (quote)
        {
            sb.Append(open);
        }

        for (var i = 0; i < length; i++)
        {
            var word = Word(rng, topic, city);
            sb.Append(i == 0 ? Capital(word) : word);
            if (i < length - 1)
            {
                sb.Append(Typography.Separator(rng));
            }
        }

        if (quote)
        {
            // Speakers are mostly the corpus's own people, sometimes names in other scripts.
            var speaker = rng.NextDouble() < 0.2 ? Pick(rng, Typography.Speakers) : Author(rng.Next(OutletCount * AuthorsPerOutlet));
            sb.Append(',').Append(close).Append(" said ").Append(speaker).Append('.');
            return length + 4;
        }

        sb.Append(Typography.SentenceEnd(rng));
        return length;
    }

    private static string Word(Random rng, string[] topic, string city)
    {
        var r = rng.NextDouble();
        return r switch
        {
            < 0.40 => Pick(rng, Function),
            < 0.62 => Pick(rng, Common),
            < 0.74 => Pick(rng, topic),
            < 0.84 => Pick(rng, Verbs),
            < 0.92 => Pick(rng, Adjectives),
            < 0.95 => Typography.Possessive(rng, city),
            < 0.97 => Typography.Possessive(rng, Pick(rng, Cities)),
            < 0.985 => Typography.Possessive(rng, Pick(rng, Organisations)),
            _ => Typography.Number(rng),
        };
    }

    private static string Pick(Random rng, string[] words) => words[rng.Next(words.Length)];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
