using System.Buffers;
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
    private const int ReadOn = 200;

    // Characters kept before the first place a match could start: room for the lead-in, and for the window to move back
    // when the body ends soon after the match.
    private const int KeepBefore = 400;

    private readonly List<TermPattern> _patterns;

    // What the first word of every term begins with once folded: null when a term has no ASCII head of two letters or more.
    private readonly SearchValues<string>? _heads;

    public SnippetBuilder(SearchQuery query)
    {
        // Terms limited to the title, byline or outlet never match the body, so they are not marked there.
        _patterns = query.Groups.SelectMany(g => g)
            .Where(t => t.Field == SearchField.Anywhere)
            .Select(TermPattern.From)
            .Where(p => p.Tokens.Length > 0)
            .ToList();
        var heads = _patterns.Select(p => p.Head).ToList();
        _heads = heads.Count > 0 && heads.All(h => h.Length >= 2 && Ascii.IsValid(h)) ? SearchValues.Create(heads.ToArray(), StringComparison.OrdinalIgnoreCase) : null;
    }

    public string Build(string body, CancellationToken ct = default)
    {
        // The markers are private-use characters that an article may hold itself: as its own they would mark nothing.
        if (body.AsSpan().IndexOfAny(Snippets.Open, Snippets.Close) >= 0)
        {
            body = body.Replace(Snippets.Open, ' ').Replace(Snippets.Close, ' ');
        }

        // Reading a body word by word up to its first match, or to its end when the words are only in the title, was most
        // of the cost of a results page; a vectorised search for the terms' heads finds where a match can first start.
        var (readFrom, mayMatch) = FirstPossibleMatch(body, ct);
        var tokens = new TokenReader(body, readFrom);
        if (!tokens.Has(0))
        {
            return "";
        }

        var matches = mayMatch ? FindMatches(tokens, ct) : [];
        var start = BestWindowStart(matches);
        // A match near the end still gets a full window: start earlier when the text runs out.
        tokens.Has(start + WindowTokens);
        start = Math.Max(0, Math.Min(start, tokens.Count - WindowTokens));
        var end = Math.Min(tokens.Count, start + WindowTokens);
        var more = tokens.Has(end);

        var sb = new StringBuilder();
        if (tokens[start].Start > 0)
        {
            sb.Append('…');
        }

        var at = tokens[start].Start;
        foreach (var m in matches.Where(m => m.Token >= start && m.Token + m.Length <= end))
        {
            var from = tokens[m.Token].Start;
            var to = tokens[m.Token + m.Length - 1].End;
            sb.Append(body, at, from - at).Append(Snippets.Open).Append(body, from, to - from).Append(Snippets.Close);
            at = to;
        }

        var textEnd = more ? tokens[end - 1].End : body.Length;
        sb.Append(body, at, textEnd - at);
        if (more)
        {
            sb.Append('…');
        }

        return sb.Replace('\n', ' ').ToString().Trim();
    }

    private readonly record struct Match(int Token, int Length, int Term);

    /// <summary>
    /// Where to start reading: a little before the first place a term's head occurs. Every word that folds and stems to a
    /// term begins, once folded, with its head (see <see cref="TermPattern.MatchesAt"/>), so nothing before it can match.
    /// </summary>
    private (int From, bool MayMatch) FirstPossibleMatch(string body, CancellationToken ct)
    {
        if (_patterns.Count == 0)
        {
            return (0, false);
        }

        if (_heads is null)
        {
            return (0, true);
        }

        var text = body.AsSpan();
        var at = HeadAtWordStart(body, _heads);
        // An ASCII word that matches holds its head as it is; a word with other letters ("Économie") only once folded, so
        // the few such words before the first head are folded and checked one by one.
        var end = at < 0 ? text.Length : at;
        for (var i = text[..end].IndexOfAnyExceptInRange('\0', '\u007F'); i >= 0;)
        {
            ct.ThrowIfCancellationRequested();
            var (wordStart, wordEnd) = TokenReader.WordAround(body, i);
            var folded = Fold(text[wordStart..wordEnd]);
            if (_patterns.Any(p => folded.StartsWith(p.Head, StringComparison.Ordinal)))
            {
                at = wordStart;
                break;
            }

            // A character outside every word (’ “ — « and the like) gives an empty word: step past it, or it is found again.
            var after = Math.Max(wordEnd, i + 1);
            var next = after < end ? text[after..end].IndexOfAnyExceptInRange('\0', '\u007F') : -1;
            i = next < 0 ? -1 : after + next;
        }

        return at < 0 ? (0, false) : (Math.Max(0, at - KeepBefore), true);
    }

    /// <summary>
    /// The first place a head begins a word. A head inside a word ("por" in "report") cannot start a match; skipping those
    /// keeps the words read before the first real match few.
    /// </summary>
    private static int HeadAtWordStart(string text, SearchValues<string> heads)
    {
        for (var from = 0; from < text.Length;)
        {
            var i = text.AsSpan(from).IndexOfAny(heads);
            if (i < 0)
            {
                return -1;
            }

            i += from;
            if (!TokenReader.IsWordCharBefore(text, i))
            {
                return i;
            }

            from = i + 1;
        }

        return -1;
    }

    /// <summary>
    /// Matches in reading order, stopping once one window holds every term (no later window can beat it), or a couple of
    /// hundred words after the first match.
    /// </summary>
    private List<Match> FindMatches(TokenReader tokens, CancellationToken ct)
    {
        var matches = new List<Match>();
        var lastSeen = new int[_patterns.Count];
        Array.Fill(lastSeen, int.MinValue / 2);
        var stopAt = int.MaxValue;
        for (var i = 0; _patterns.Count > 0 && i < stopAt && tokens.Has(i) && matches.Count < MaxMatches; i++)
        {
            if ((i & 255) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            for (var p = 0; p < _patterns.Count; p++)
            {
                if (!_patterns[p].MatchesAt(tokens, i))
                {
                    continue;
                }

                matches.Add(new Match(i, _patterns[p].Tokens.Length, p));
                lastSeen[p] = i;
                if (lastSeen.All(seen => i - seen < WindowTokens - LeadIn))
                {
                    // Keep reading to the end of that window so every match shown in it is marked.
                    stopAt = Math.Min(stopAt, i + WindowTokens);
                }
                else
                {
                    // Terms that are never close together would have the whole body read: look a little further for a
                    // window with all of them, then settle for the best one seen.
                    stopAt = Math.Min(stopAt, i + ReadOn);
                }

                i += _patterns[p].Tokens.Length - 1;
                break;
            }
        }

        return matches;
    }

    /// <summary>The window with the most distinct terms, then the most matches; the earliest wins a tie.</summary>
    private int BestWindowStart(List<Match> matches)
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
            while (end < matches.Count && matches[end].Token + matches[end].Length <= start + WindowTokens)
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

        return best;
    }

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
        /// <summary>What a folded word matching the first token starts with: the stem but for its last letter, or all of a short stem.</summary>
        public string Head { get; } = Tokens is [var first, ..] && first.Length >= 3 ? first[..^1] : Tokens.FirstOrDefault() ?? "";

        public static TermPattern From(SearchTerm term) => new(
            term.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Porter.Stem(Fold(w))).Where(w => w.Length > 0).ToArray(),
            term.IsPrefix);

        public bool MatchesAt(TokenReader tokens, int i)
        {
            if (!tokens.Has(i + Tokens.Length - 1))
            {
                return false;
            }

            for (var k = 0; k < Tokens.Length; k++)
            {
                var raw = tokens.Word(i + k);
                var stemmed = Tokens[k];
                // Most words differ in their first letter; ASCII letters and digits compare case-blind with | 0x20.
                if (raw[0] < 128 && (raw[0] | 0x20) != stemmed[0])
                {
                    return false;
                }

                // Porter rewrites at most the last letter of what it keeps ("happy" → "happi", "hoping" → "hope"), so a word
                // whose stem could be this one starts with all but its last letter; most words fail here, before folding.
                // Short stems come from longer words too ("its" → "it", "being" → "be"): no shortcut compares whole words.
                var head = stemmed.AsSpan(0, stemmed.Length - 1);
                var last = k == Tokens.Length - 1;
                if (IsAscii(raw) && !raw.StartsWith(head, StringComparison.OrdinalIgnoreCase))
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
