using System.Globalization;
using System.Text;

namespace NewsReader.Benchmarks;

/// <summary>
/// Writes N synthetic articles in the seed's scraped-text shape: repeated title, "Title / Outlet", a byline and date
/// line in the common variants, 300–1,500 words of body, and the page furniture the parser must drop.
/// Deterministic for a given count, so anyone reproduces the same corpus.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Outlets =
    [
        "Harbour Gazette", "Valley Courier", "bno IntelliNews", "Northern Ledger", "The Coastal Times", "Metro Daily", "Riverside Post",
        "Capital Observer", "Island Chronicle", "Mountain Herald", "Prairie Sentinel", "Eastern Tribune", "Western Bulletin",
        "Southern Dispatch", "Harbourside Report", "Lakeside Journal", "Citadel Press", "Delta Record", "Highland Star", "Baltic Wire",
    ];

    private static readonly string[] FirstNames = ["Ana", "Kenji", "Maria", "Tomas", "Leila", "Oskar", "Priya", "Jonas", "Chen", "Fatima", "Lucas", "Ines", "Omar", "Sofia", "Piotr", "Aiko"];

    private static readonly string[] LastNames = ["Ruiz", "Tanaka", "Novak", "Okafor", "Lindqvist", "Haddad", "Moreau", "Silva", "Kowalski", "Nguyen", "Berg", "Costa", "Ibrahim", "Larsen"];

    private static readonly string[] Bureaus = ["Taipei Bureau", "Athens Bureau", "Brussels Bureau", "Nairobi Bureau", "Lima Bureau"];

    private static readonly string[] Words =
    [
        "council", "minister", "harbour", "election", "budget", "trade", "energy", "transport", "school", "hospital", "river", "bridge",
        "market", "policy", "security", "alliance", "summit", "agreement", "report", "inquiry", "court", "ruling", "workers", "union",
        "strike", "festival", "museum", "climate", "drought", "harvest", "railway", "airport", "tariff", "export", "import", "growth",
        "inflation", "housing", "rent", "tenants", "officials", "residents", "protest", "vote", "parliament", "mayor", "district",
        "investment", "factory", "jobs", "wages", "pension", "reform", "talks", "diplomatic", "mission", "cooperation", "tension",
        "region", "border", "coast", "island", "village", "city", "province", "ministry", "agency", "figures", "survey", "analysts",
        "the", "a", "of", "and", "in", "to", "on", "for", "with", "after", "before", "while", "said", "announced", "expected", "plans",
        "new", "old", "long", "short", "early", "late", "public", "private", "local", "national", "foreign", "regional", "annual",
    ];

    private static readonly string[] Furniture = ["Share", "Advertisement", "Features", "Dismiss"];

    public static int Run(string[] args)
    {
        var count = int.Parse(Option(args, "--count") ?? "1000", CultureInfo.InvariantCulture);
        var output = Option(args, "--out") ?? "corpus";
        Write(count, output);
        Console.WriteLine($"Wrote {count:N0} articles to {Path.GetFullPath(output)}");
        return 0;
    }

    public static void Write(int count, string folder)
    {
        for (var i = 0; i < count; i++)
        {
            var dir = Path.Combine(folder, (i / 1000).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, $"article-{i:D6}.txt"), Article(i));
        }
    }

    public static string Article(int index)
    {
        var random = new Random(index);
        var outlet = Outlets[random.Next(Outlets.Length)];
        var title = Capitalise(Sentence(random, random.Next(6, 13))) + $" ({index})";
        var date = new DateTime(2015, 1, 1).AddDays(random.Next(0, 11 * 365));
        var sb = new StringBuilder();
        sb.Append(title).Append("\n\n").Append(title).Append('\n').Append(title).Append(" / ").Append(outlet).Append('\n');
        sb.Append(Byline(random, date)).Append("\n\n");
        var words = random.Next(300, 1501);
        while (words > 0)
        {
            var length = Math.Min(words, random.Next(40, 121));
            sb.Append(Capitalise(Sentence(random, length))).Append(".\n\n");
            words -= length;
        }

        sb.Append(Furniture[random.Next(Furniture.Length)]).Append('\n');
        return sb.ToString();
    }

    private static string Byline(Random random, DateTime date)
    {
        string Name() => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
        var when = random.Next(3) switch
        {
            0 => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
            1 => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return random.Next(3) switch
        {
            0 => $"By {Name()} {when}",
            1 => $"By {Name()} and {Name()} {when}",
            _ => $"{Name()} - {Bureaus[random.Next(Bureaus.Length)]} {when}",
        };
    }

    private static string Sentence(Random random, int words)
    {
        var sb = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
            {
                sb.Append(w % 17 == 0 ? ", " : " ");
            }

            sb.Append(Words[random.Next(Words.Length)]);
        }

        return sb.ToString();
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
