using System.Globalization;
using System.Text;

namespace NewsReader.Search.Highlighting;

/// <summary>
/// Cuts a snippet of about <see cref="WindowTokens"/> words from an article body, choosing the window with the most
/// distinct search terms and wrapping each match in <see cref="Snippets"/> markers. Words are split, folded and stemmed
/// as the index's "porter unicode61 remove_diacritics 2" tokenizer does, so "cafe" marks "Café" and "running" marks "run".
/// </summary>
public sealed class SnippetBuilder
{
    public const int WindowTokens = 30;
    private const int LeadIn = 4;
    private const int MaxMatches = 500;

    private readonly List<TermPattern> _patterns;

    public SnippetBuilder(SearchQuery query)
    {
        // Terms limited to the title, byline or outlet never match the body, so they are not marked there.
        _patterns = query.Groups.SelectMany(g => g)
            .Where(t => t.Field == SearchField.Anywhere)
            .Select(TermPattern.From)
            .Where(p => p.Tokens.Length > 0)
            .ToList();
    }

    public string Build(string body)
    {
        var tokens = Tokenize(body);
        if (tokens.Count == 0)
        {
            return "";
        }

        var matches = FindMatches(body, tokens);
        var start = BestWindowStart(matches, tokens.Count);
        var end = Math.Min(tokens.Count, start + WindowTokens);

        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append('…');
        }

        var textStart = tokens[start].Start;
        var textEnd = end < tokens.Count ? tokens[end - 1].End : body.Length;
        var marked = matches.Where(m => m.Token >= start && m.Token + m.Length <= end).ToList();
        var at = textStart;
        foreach (var m in marked)
        {
            var from = tokens[m.Token].Start;
            var to = tokens[m.Token + m.Length - 1].End;
            if (from < at)
            {
                continue;
            }

            sb.Append(body, at, from - at).Append(Snippets.Open).Append(body, from, to - from).Append(Snippets.Close);
            at = to;
        }

        sb.Append(body, at, textEnd - at);
        if (end < tokens.Count)
        {
            sb.Append('…');
        }

        return sb.Replace('\n', ' ').ToString().Trim();
    }

    private readonly record struct Token(int Start, int End);

    private readonly record struct Match(int Token, int Length, int Term);

    private List<Match> FindMatches(string body, List<Token> tokens)
    {
        var matches = new List<Match>();
        if (_patterns.Count == 0)
        {
            return matches;
        }

        ReadOnlySpan<char> Word(int i) => body.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);

        for (var i = 0; i < tokens.Count && matches.Count < MaxMatches; i++)
        {
            for (var p = 0; p < _patterns.Count; p++)
            {
                if (_patterns[p].MatchesAt(Word, i, tokens.Count))
                {
                    matches.Add(new Match(i, _patterns[p].Tokens.Length, p));
                    break;
                }
            }
        }

        return matches;
    }

    /// <summary>The window with the most distinct terms, then the most matches; the earliest wins a tie.</summary>
    private int BestWindowStart(List<Match> matches, int tokenCount)
    {
        var best = 0;
        var bestScore = -1;
        var perTerm = new int[_patterns.Count];
        var distinct = 0;
        var end = 0;
        var begin = 0;
        for (var m = 0; m < matches.Count; m++)
        {
            var start = Math.Max(0, matches[m].Token - LeadIn);
            // Slide the window [start, start + WindowTokens) over the matches, which are in token order.
            while (end < matches.Count && matches[end].Token < start + WindowTokens)
            {
                distinct += perTerm[matches[end++].Term]++ == 0 ? 1 : 0;
            }

            while (begin < end && matches[begin].Token < start)
            {
                distinct -= --perTerm[matches[begin++].Term] == 0 ? 1 : 0;
            }

            var score = (distinct * 1000) + (end - begin);
            if (score > bestScore)
            {
                (best, bestScore) = (start, score);
            }
        }

        return Math.Min(best, Math.Max(0, tokenCount - WindowTokens));
    }

    /// <summary>Runs of letters, digits and combining marks, as unicode61 splits text.</summary>
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(new Token(start, i));
                start = -1;
            }
        }

        return tokens;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Lower case without diacritics: "Café" → "cafe".</summary>
    internal static string Fold(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant();
        if (Ascii.IsValid(lower))
        {
            return lower;
        }

        var sb = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A term as stems: a phrase matches consecutive tokens; a prefix term's last token matches by prefix.</summary>
    private sealed record TermPattern(string[] Tokens, bool IsPrefix)
    {
        public static TermPattern From(SearchTerm term) => new(
            term.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Porter.Stem(Fold(w))).Where(w => w.Length > 0).ToArray(),
            term.IsPrefix);

        public delegate ReadOnlySpan<char> WordAt(int index);

        public bool MatchesAt(WordAt words, int i, int count)
        {
            if (i + Tokens.Length > count)
            {
                return false;
            }

            for (var k = 0; k < Tokens.Length; k++)
            {
                var raw = words(i + k);
                // Porter rewrites at most the last letter of what it keeps ("happy" → "happi", "hoping" → "hope"), so a word
                // whose stem could be this one starts with all but its last letter; most words fail here, before folding.
                var stemmed = Tokens[k];
                var head = stemmed.AsSpan(0, stemmed.Length - 1);
                var last = k == Tokens.Length - 1;
                if (IsAscii(raw) && !(stemmed.Length < 3 && !(last && IsPrefix)
                        ? raw.Equals(stemmed, StringComparison.OrdinalIgnoreCase)
                        : raw.StartsWith(head, StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }

                var word = Fold(raw);
                var stem = Porter.Stem(word);
                var matches = last && IsPrefix
                    ? stem.StartsWith(stemmed, StringComparison.Ordinal) || word.StartsWith(stemmed, StringComparison.Ordinal)
                    : stem == stemmed;
                if (!matches)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAscii(ReadOnlySpan<char> word) => System.Text.Ascii.IsValid(word);
    }
}
