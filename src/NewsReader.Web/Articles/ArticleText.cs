namespace NewsReader.Articles;

/// <summary>"A", "A and B", "A, B and C".</summary>
public static class Bylines
{
    public static string? Join(IReadOnlyList<string> authors) => authors.Count switch
    {
        0 => null,
        1 => authors[0],
        _ => string.Join(", ", authors.Take(authors.Count - 1)) + " and " + authors[^1],
    };
}

/// <summary>The opening of an article for lists and meta descriptions, cut at a word.</summary>
public static class Excerpts
{
    public const int MaxLength = 280;

    public static string From(IReadOnlyList<string> body)
    {
        var text = body.FirstOrDefault(p => p.Length >= 40) ?? body.FirstOrDefault() ?? "";
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1);
        return text[..(cut > MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }
}

public static class ReadingTime
{
    // A typical adult reads news prose at about 230 words a minute.
    private const int WordsPerMinute = 230;

    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    public static int Minutes(int words) => Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute));
}
