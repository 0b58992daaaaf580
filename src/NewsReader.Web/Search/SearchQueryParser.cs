using System.Buffers;
using System.Globalization;
using System.Text;

namespace NewsReader.Search;

/// <summary>
/// Reads the query language — words, "exact phrase", OR, -word, prefix*, title:/author:/source:, from:/to: — into a
/// <see cref="SearchQuery"/>. Never throws on input: whatever cannot be understood is dropped or repaired, and a
/// problem says so.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxLength = 500;
    public const int MaxTerms = 16;
    public const int MinPrefixLength = 2;

    public const string FilterList = "title:, author:, source:, from: and to:";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];

    private static readonly SearchValues<char> CurlyQuotes = SearchValues.Create("“”„‟«»〝〞＂");

    private enum TokenKind
    {
        Term,
        Or,
    }

    private sealed record Token(TokenKind Kind, SearchTerm? Term = null, bool Excluded = false);

    public static SearchQuery Parse(string? q, string? outlet = null, string? from = null, string? to = null)
    {
        var problems = new List<string>();
        var text = Clean(q ?? "", problems);
        var filters = new Filters { Outlet = string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim() };
        ReadDate(from, "from", problems, d => filters.From = d);
        ReadDate(to, "to", problems, d => filters.To = d);

        var tokens = Tokenize(StraightQuotes(text), filters, problems);
        var (groups, exclusions) = Group(tokens, problems);

        if (filters.From is { } f && filters.To is { } t && f > t)
        {
            problems.Add($"The date range ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd}), so the dates were swapped.");
            (filters.From, filters.To) = (t, f);
        }

        if (groups.Count == 0 && exclusions.Count > 0)
        {
            problems.Add("Add a word to look for: a search cannot be made of excluded words (-word) alone.");
        }
        else if (groups.Count == 0 && text.Length > 0 && filters.Outlet is null && filters.From is null && filters.To is null)
        {
            problems.Add("There was no word to look for. Type a word, a \"phrase\" in quotes, or a filter such as title:word.");
        }

        return new SearchQuery
        {
            Text = text,
            Groups = groups,
            Exclusions = exclusions,
            OutletSlug = filters.Outlet,
            From = filters.From,
            To = filters.To,
            Problems = problems.Distinct().ToList(),
        };
    }

    private sealed class Filters
    {
        public string? Outlet { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }
    }

    private static string Clean(string q, List<string> problems)
    {
        if (q.Length > MaxLength)
        {
            problems.Add($"The search was longer than {MaxLength} characters; only its first {MaxLength} characters were used.");
            q = q[..MaxLength];
        }

        if (q.Any(char.IsControl))
        {
            problems.Add("Control characters (such as tabs or line breaks) were removed from the search.");
            q = new string(q.Select(ch => char.IsControl(ch) ? ' ' : ch).ToArray());
        }

        // A cut through a surrogate pair would leave half a character.
        if (q.Length > 0 && char.IsHighSurrogate(q[^1]))
        {
            q = q[..^1];
        }

        return q.Trim();
    }

    /// <summary>
    /// Phones and word processors type “phrase” or «phrase» for "phrase": every opening or closing double quote mark
    /// delimits a phrase. Single quotes and apostrophes stay separators between words, as in the index.
    /// </summary>
    private static string StraightQuotes(string text) =>
        text.AsSpan().IndexOfAny(CurlyQuotes) < 0 ? text : string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = CurlyQuotes.Contains(t[i]) ? '"' : t[i];
            }
        });

    private static List<Token> Tokenize(string text, Filters filters, List<string> problems)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (excluded)
            {
                i++;
            }

            var field = ReadField(text, ref i, problems, out var dateFilter);
            var (value, quoted) = ReadValue(text, ref i, problems);

            if (dateFilter is not null)
            {
                ReadDate(value, dateFilter, problems, d =>
                {
                    if (dateFilter == "from")
                    {
                        filters.From = d;
                    }
                    else
                    {
                        filters.To = d;
                    }
                });
                continue;
            }

            if (!quoted && !excluded && field == SearchField.Anywhere && value == "OR")
            {
                tokens.Add(new Token(TokenKind.Or));
                continue;
            }

            if (ToTerm(value, quoted, field, problems) is { } term)
            {
                tokens.Add(new Token(TokenKind.Term, term, excluded));
            }
        }

        return tokens;
    }

    /// <summary>Reads "name:" when the next word is a filter; an unknown name is reported and the value searched as words.</summary>
    private static SearchField ReadField(string text, ref int i, List<string> problems, out string? dateFilter)
    {
        dateFilter = null;
        var colon = i;
        while (colon < text.Length && char.IsAsciiLetter(text[colon]))
        {
            colon++;
        }

        if (colon == i || colon >= text.Length - 1 || text[colon] != ':' || char.IsWhiteSpace(text[colon + 1]))
        {
            return SearchField.Anywhere;
        }

        var name = text[i..colon].ToLowerInvariant();
        i = colon + 1;
        switch (name)
        {
            case "title":
                return SearchField.Title;
            case "author" or "by" or "byline":
                return SearchField.Author;
            case "source" or "outlet" or "site":
                return SearchField.Source;
            case "from" or "to":
                dateFilter = name;
                return SearchField.Anywhere;
            default:
                problems.Add($"There is no \"{name}:\" filter, so what follows it was searched everywhere. Filters are {FilterList}.");
                return SearchField.Anywhere;
        }
    }

    private static (string Value, bool Quoted) ReadValue(string text, ref int i, List<string> problems)
    {
        if (i < text.Length && text[i] == '"')
        {
            var close = text.IndexOf('"', i + 1);
            if (close < 0)
            {
                problems.Add("A quotation mark was not closed, so the words after it were searched as a phrase.");
                close = text.Length;
            }

            var phrase = text[(i + 1)..close];
            i = Math.Min(text.Length, close + 1);
            return (phrase, true);
        }

        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !(text[i] == '"' && i > start))
        {
            i++;
        }

        return (text[start..i], false);
    }

    // A prefix matches the index's stems: "elect*" finds "election" and "electricity" (stem "electr"),
    // but "electri*" is longer than that stem and does not; the tips suggest short prefixes.
    private static SearchTerm? ToTerm(string value, bool quoted, SearchField field, List<string> problems)
    {
        var isPrefix = !quoted && value.EndsWith('*');
        // Only letters and digits reach the index; everything else separates words, as the tokenizer would.
        var words = WordsOf(value);
        if (words.Length == 0)
        {
            return null;
        }

        var isPhrase = quoted || words.Contains(' ');
        if (isPrefix && words.Length - (words.LastIndexOf(' ') + 1) < MinPrefixLength)
        {
            problems.Add($"A prefix needs at least {MinPrefixLength} letters before the *, so \"{value}\" was searched as a word.");
            isPrefix = false;
        }

        return new SearchTerm(words, field, isPhrase, isPrefix);
    }

    private static string WordsOf(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
        {
            if (Highlighting.TokenReader.IsWordRune(rune))
            {
                sb.Append(rune.ToString());
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().Trim();
    }

    private static (List<IReadOnlyList<SearchTerm>> Groups, List<SearchTerm> Exclusions) Group(List<Token> tokens, List<string> problems)
    {
        var groups = new List<IReadOnlyList<SearchTerm>>();
        var exclusions = new List<SearchTerm>();
        var count = 0;
        var pendingOr = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Kind == TokenKind.Or)
            {
                var joinsTwoWords = groups.Count > 0 && k > 0 && tokens[k - 1] is { Kind: TokenKind.Term, Excluded: false }
                    && k + 1 < tokens.Count && tokens[k + 1] is { Kind: TokenKind.Term, Excluded: false };
                if (!joinsTwoWords)
                {
                    problems.Add("OR needs a word on each side (cats OR dogs); a lone OR was ignored.");
                }

                pendingOr = joinsTwoWords;
                continue;
            }

            if (++count > MaxTerms)
            {
                problems.Add($"Only the first {MaxTerms} words of the search were used.");
                break;
            }

            if (token.Excluded)
            {
                exclusions.Add(token.Term!);
            }
            else if (pendingOr)
            {
                groups[^1] = [.. groups[^1], token.Term!];
            }
            else
            {
                groups.Add([token.Term!]);
            }

            pendingOr = false;
        }

        return (groups, exclusions);
    }

    private static void ReadDate(string? value, string name, List<string> problems, Action<DateOnly> set)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        value = value.Trim();
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // "to:2024" means to the end of 2024, "to:2024-03" to the end of March.
            set(name == "to" && value.Length < 10 ? (value.Length == 4 ? date.AddYears(1) : date.AddMonths(1)).AddDays(-1) : date);
            return;
        }

        problems.Add($"\"{name}\" needs a date written like 2024-03-31 (or 2024-03, or 2024); \"{Shorten(value)}\" was ignored.");
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
