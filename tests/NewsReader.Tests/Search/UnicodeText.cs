using System.Text;

namespace NewsReader.Tests.Search;

/// <summary>
/// Random text of the kinds real pages hold, for property tests: every punctuation class, symbols, combining marks,
/// emoji and other surrogate pairs, zero-width and bidi controls, C0/C1 controls, CJK, Arabic, Devanagari, other digits,
/// lone surrogates and the private-use characters the snippet markers use. Seeded, so a failure can be replayed.
/// </summary>
public static class UnicodeText
{
    public static readonly string[] Words =
    [
        "minister", "NATO", "Tokyo", "election", "bank", "running", "Café", "Zürich", "Économie", "naïve", "São", "Ελλάδα",
        "Москва", "東京", "北京", "日本", "العربية", "مرحبا", "नमस्ते", "भारत", "বাংলা", "১২৩", "٢٠٢٥", "２０２５", "x²",
        "𝐀𝐁𝐂", "𠜎𠜱", "e\u0301cole", "don’t", "O’Brien", "co-operate", "2024–25", "42", "3.5%", "ꙮ", "İstanbul", "straße",
    ];

    private static readonly string[] Separators =
    [
        " ", " ", " ", " ", "\n", "\n\n", "\u00A0", "\u3000", "\t", "\u2009",
        "‘", "’", "“", "”", "«", "»", "‹", "›", "„", "‚",             // Pi, Pf
        "-", "–", "—", "‐", "⸺", "〜",                                  // Pd
        "(", ")", "[", "]", "{", "}", "「", "」", "【", "】", "（", "）",  // Ps, Pe
        "!", "?", ".", ",", ";", ":", "¡", "¿", "·", "،", "؟", "।", "・", "…", "\"", "'", "*", "#", "@", "&", "/", "\\",
        "€", "£", "©", "®", "™", "°", "±", "×", "÷", "∞", "→", "★", "♥", "₹", "¥", "<", ">", "=", "+", "^", "|", "~", "`",
        "\u0301", "\u0308", "\u20DD",                                  // combining marks on whatever precedes them
        "😀", "🇫🇷", "👩‍👩‍👧", "👍🏽", "🗳️",                             // emoji: pairs, ZWJ sequences, modifiers
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF",             // zero-width
        "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", // bidi
        "\u0000", "\u000B", "\u000E", "\u001F", "\u007F", "\u0085", "\u009D",                                         // controls
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF",                        // lone surrogates
        "\uE000", "\uE001", "\uFFFE", "\uFFFF",                        // private use (the snippet markers), non-characters
    ];

    public static string Text(Random rng, int words)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            sb.Append(rng.Next(4) == 0 ? Word(rng) : Pick(rng, Words));
            var separators = rng.Next(1, 4);
            for (var s = 0; s < separators; s++)
            {
                sb.Append(Pick(rng, Separators));
            }
        }

        return sb.ToString();
    }

    /// <summary>A query a reader (or an attacker) might type: words from the text, operators, fields, quotes and junk.</summary>
    public static string Query(Random rng, string text)
    {
        var parts = new List<string>();
        var count = rng.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var word = rng.Next(3) == 0 ? Pick(rng, Words) : WordFrom(rng, text);
            parts.Add(rng.Next(10) switch
            {
                0 => $"\"{word} {Pick(rng, Words)}\"",
                1 => word.Length > 3 ? word[..3] + "*" : word + "*",
                2 => "-" + word,
                3 => Pick(rng, ["title:", "author:", "source:", "from:", "to:", "near:", ""]) + word,
                4 => Pick(rng, ["OR", "AND", "NOT", "NEAR(", "\"", "(", ")", "*", "-", ":", "^", "+"]),
                5 => Pick(rng, Separators) + word + Pick(rng, Separators),
                _ => word,
            });
        }

        return string.Join(rng.Next(5) == 0 ? Pick(rng, Separators) : " ", parts);
    }

    private static string WordFrom(Random rng, string text)
    {
        var words = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "word" : words[rng.Next(words.Length)];
    }

    private static string Word(Random rng)
    {
        var sb = new StringBuilder();
        var length = rng.Next(1, 9);
        for (var i = 0; i < length; i++)
        {
            sb.Append(rng.Next(6) switch
            {
                0 => (char)rng.Next('a', 'z' + 1),
                1 => (char)rng.Next(0x00C0, 0x0250),  // Latin with accents
                2 => (char)rng.Next(0x0400, 0x0460),  // Cyrillic
                3 => (char)rng.Next(0x4E00, 0x4F00),  // CJK
                4 => (char)rng.Next(0x0900, 0x097F),  // Devanagari letters, signs and digits
                _ => (char)rng.Next(0x0600, 0x06FF),  // Arabic, with its digits and marks
            });
        }

        return sb.ToString();
    }

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
