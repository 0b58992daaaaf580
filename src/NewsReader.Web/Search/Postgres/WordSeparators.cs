using System.Globalization;
using System.Text;
using NewsReader.Search.Highlighting;

namespace NewsReader.Search.Postgres;

/// <summary>
/// A PostgreSQL regular expression matching a run of characters that separate words, as the query parser and the
/// snippets split them (<see cref="TokenReader.IsWordRune"/>: letters, digits and combining marks make words, everything
/// else separates them). PostgreSQL's text search parser left alone would keep "www.example.com", "3.5" or "well-known"
/// whole, and in a database with the C locale it takes every character outside ASCII (“ ” — ’) for a letter; with the
/// separators turned into spaces first it only ever sees words and spaces, whatever the locale.
/// Written with \u escapes only, so the SQL holding it is ASCII.
/// </summary>
public static class WordSeparators
{
    public static string Pattern { get; } = Build();

    private static string Build()
    {
        // From 1: PostgreSQL text never holds U+0000. Unassigned code points (and surrogates, never in text) join the run
        // before them, which keeps the expression short: text does not hold them, and they would read alike in the index
        // and the query anyway.
        var sb = new StringBuilder("[");
        bool? separating = null;
        var runStart = 1;
        for (var cp = 1; cp <= 0x10FFFF; cp++)
        {
            if (Rune.IsValid(cp) && Rune.GetUnicodeCategory(new Rune(cp)) != UnicodeCategory.OtherNotAssigned
                && !TokenReader.IsWordRune(new Rune(cp)) is var separator && separator != separating)
            {
                if (separating == true)
                {
                    AppendRange(sb, runStart, cp - 1);
                }

                (separating, runStart) = (separator, cp);
            }
        }

        if (separating == true)
        {
            AppendRange(sb, runStart, 0x10FFFF);
        }

        return sb.Append("]+").ToString();
    }

    private static void AppendRange(StringBuilder sb, int first, int last)
    {
        sb.Append(Escape(first));
        if (last > first)
        {
            sb.Append('-').Append(Escape(last));
        }
    }

    private static string Escape(int cp) => cp <= 0xFFFF
        ? string.Create(CultureInfo.InvariantCulture, $"\\u{cp:X4}")
        : string.Create(CultureInfo.InvariantCulture, $"\\U{cp:X8}");
}
