using System.Globalization;
using System.Text;

namespace NewsReader.Corpus;

/// <summary>
/// The typography of real news text that plain ASCII corpora never exercise: curly quotes and apostrophes, en and em
/// dashes, guillemets, accented and non-Latin names, digits of other scripts, no-break spaces and the odd emoji. The
/// rates are of the order counted on the web-extraction corpus's English news pages; every other script and symbol is
/// rarer there, but present, so search, snippets and feeds meet them in every benchmark.
/// </summary>
internal static class Typography
{
    /// <summary>Quoted speakers with names in other scripts and accents, as international news quotes them.</summary>
    public static readonly string[] Speakers =
    [
        "Олена Коваль", "Дмитро Шевченко", "محمد العلي", "فاطمة الزهراء", "李娜", "王芳", "अर्जुन शर्मा", "সুমন দাস",
        "Γιώργος Παπαδόπουλος", "Søren Kierkegård", "Łukasz Wójcik", "Nguyễn Thị Thảo", "Zoë Müller", "José Núñez",
        "Ayşe Yılmaz", "Björk Guðmundsdóttir", "O’Neill", "Dvořák",
    ];

    private static readonly string[] Emoji = ["🌍", "📈", "⚽", "🗳️", "🇪🇺", "👍🏽", "🔥"];

    private static readonly string[] DigitSets = ["০১২৩৪৫৬৭৮৯", "٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "０１２３４５６７８９"];

    /// <summary>Opens a quotation: mostly curly, some straight (older copy), some guillemets (European outlets).</summary>
    public static (string Open, string Close) Quotes(Random rng) => rng.NextDouble() switch
    {
        < 0.80 => ("“", "”"),
        < 0.92 => ("\"", "\""),
        < 0.97 => ("« ", " »"),
        _ => ("„", "“"),
    };

    /// <summary>What separates two words: mostly a space, sometimes a comma, an em dash aside or an en dash.</summary>
    public static string Separator(Random rng) => rng.NextDouble() switch
    {
        < 0.06 => ", ",
        < 0.066 => " — ",
        < 0.069 => "—",
        < 0.071 => " – ",
        _ => " ",
    };

    /// <summary>A word as real copy writes it: possessives with a curly apostrophe, now and then a straight one.</summary>
    public static string Possessive(Random rng, string word) => rng.NextDouble() switch
    {
        < 0.025 => word.EndsWith('s') ? word + "’" : word + "’s",
        < 0.028 => word + "'s",
        _ => word,
    };

    /// <summary>A number: plain, a year range with an en dash, grouped with a no-break space, a percentage, or in another script's digits.</summary>
    public static string Number(Random rng)
    {
        var n = rng.Next(2, 2000);
        return rng.NextDouble() switch
        {
            < 0.10 => $"{2015 + rng.Next(8)}–{(2023 + rng.Next(3)) % 100:D2}",
            < 0.15 => $"{rng.Next(1, 99)}\u00A0{rng.Next(0, 1000):D3}",
            < 0.25 => string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1, 99)}.{rng.Next(10)}%"),
            < 0.30 => OtherDigits(rng, n),
            _ => n.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Ends a sentence; one in a few hundred carries an emoji, as social posts quoted in copy do.</summary>
    public static string SentenceEnd(Random rng) => rng.NextDouble() < 0.004 ? ". " + Emoji[rng.Next(Emoji.Length)] : ".";

    private static string OtherDigits(Random rng, int n)
    {
        var digits = DigitSets[rng.Next(DigitSets.Length)];
        var sb = new StringBuilder();
        foreach (var c in n.ToString(CultureInfo.InvariantCulture))
        {
            sb.Append(digits[c - '0']);
        }

        return sb.ToString();
    }
}
