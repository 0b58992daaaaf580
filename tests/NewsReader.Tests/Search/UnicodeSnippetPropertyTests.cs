using NewsReader.Search;
using NewsReader.Search.Highlighting;

namespace NewsReader.Tests.Search;

/// <summary>
/// Property tests over random Unicode text and random queries: every call to the query parser, the tokenizer and the
/// snippet builder returns, and every &lt;mark&gt; wraps a whole word that matches a searched term.
/// </summary>
public sealed class UnicodeSnippetPropertyTests
{
    private const int Cases = 3_000;

    // Only a loop that never ends reaches this (the cases take seconds even on a loaded machine); it turns a hang into a
    // failure instead of a run that never ends.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Snippets_OnRandomUnicode_AlwaysReturn_AndMarkWholeMatchingWords()
    {
        var failures = await Task.Run(() =>
        {
            var found = new List<string>();
            for (var seed = 0; seed < Cases && found.Count < 5; seed++)
            {
                var rng = new Random(seed);
                var text = UnicodeText.Text(rng, rng.Next(1, 400));
                var q = UnicodeText.Query(rng, text);
                if (CheckSnippet(q, text) is { } problem)
                {
                    found.Add($"seed {seed}, q {Escape(q)}: {problem}");
                }
            }

            return found;
        }).WaitAsync(HangGuard);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task QueryParser_OnRandomInput_AlwaysReturns_WithQuotedTermsOnly()
    {
        var failures = await Task.Run(() =>
        {
            var found = new List<string>();
            for (var seed = 0; seed < Cases; seed++)
            {
                var rng = new Random(seed);
                var q = UnicodeText.Query(rng, UnicodeText.Text(rng, 20)) + UnicodeText.Text(rng, rng.Next(0, 5));
                var parsed = SearchQueryParser.Parse(q);
                // Every term reaches FTS5 only as words made of index word characters, each group quoted.
                foreach (var term in parsed.Groups.SelectMany(g => g).Concat(parsed.Exclusions))
                {
                    if (term.Text.Length == 0 || term.Text.EnumerateRunes().Any(r => r.Value != ' ' && !TokenReader.IsWordRune(r)))
                    {
                        found.Add($"seed {seed}: term {Escape(term.Text)} from {Escape(q)}");
                    }
                }
            }

            return found;
        }).WaitAsync(HangGuard);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Tokenizer_OnRandomUnicode_AlwaysAdvances_AndCoversEveryWordCharacter()
    {
        var failures = await Task.Run(() =>
        {
            var found = new List<string>();
            for (var seed = 0; seed < Cases; seed++)
            {
                var rng = new Random(seed);
                var text = UnicodeText.Text(rng, rng.Next(0, 60));
                var tokens = new TokenReader(text);
                var covered = 0;
                for (var i = 0; tokens.Has(i); i++)
                {
                    var (start, end) = tokens[i];
                    if (end <= start || start < covered || TokenReader.IsWordCharBefore(text, start) || (end < text.Length && TokenReader.WordCharAt(text, end) > 0))
                    {
                        found.Add($"seed {seed}: token {i} [{start}, {end}) in {Escape(text)}");
                        break;
                    }

                    covered = end;
                }
            }

            return found;
        }).WaitAsync(HangGuard);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("’ “ ” — – « » ‹ › „ Ukraine", "Ukraine")]
    [InlineData("Tokyo’s interests — and Moscow’s", "Moscow")]
    [InlineData("«Beijing» said\u009D the minister", "minister")]
    [InlineData("😀😀😀 \u200B\u200E\u202E مرحبا नमस्ते ১২৩ Beijing", "Beijing")]
    [InlineData("\uD800 lone \uDC00 surrogates before Beijing", "Beijing")]
    [InlineData("𝐀𝐁𝐂 math letters then Beijing", "Beijing")]
    [InlineData("\uE000 stray \uE001 markers then Beijing", "Beijing")]
    [InlineData("Analysts treaty diplomatic – is its 761 risk", "\"is its 761\"")]
    [InlineData("The port has being built", "\"has being\"")]
    public void Snippet_AfterNonAsciiPunctuation_FindsAndMarksTheWord(string body, string q)
    {
        var snippet = new SnippetBuilder(SearchQueryParser.Parse(q)).Build(body);

        Assert.Null(CheckSnippet(q, body));
        Assert.Contains($"<mark>{q.Trim('"')}</mark>", Snippets.ToHtml(snippet));
    }

    /// <summary>Null when the snippet of <paramref name="body"/> for <paramref name="q"/> is right, else what is wrong.</summary>
    private static string? CheckSnippet(string q, string body)
    {
        var query = SearchQueryParser.Parse(q);
        var snippet = new SnippetBuilder(query).Build(body);
        // A term's first word that folds to something: a lone combining mark folds to nothing and is not a token.
        var stems = query.Groups.SelectMany(g => g).Where(t => t.Field == SearchField.Anywhere)
            .Select(t => (Stems: t.Text.Split(' ').Select(w => Porter.Stem(SnippetBuilder.Fold(w))).Where(w => w.Length > 0).ToList(), t.IsPrefix))
            .Where(t => t.Stems.Count > 0)
            .Select(t => (Stem: t.Stems[0], IsPrefix: t.IsPrefix && t.Stems.Count == 1))
            .ToList();
        var at = 0;
        while (snippet.IndexOf(Snippets.Open, at) is var open and >= 0)
        {
            var close = snippet.IndexOf(Snippets.Close, open);
            if (close < 0 || snippet.IndexOf(Snippets.Open, open + 1) is var next && next >= 0 && next < close)
            {
                return "unbalanced marks";
            }

            var marked = snippet[(open + 1)..close];
            if (TokenReader.IsWordCharBefore(snippet, open) || (close + 1 < snippet.Length && TokenReader.WordCharAt(snippet, close + 1) > 0))
            {
                return $"mark inside a word: {Escape(marked)}";
            }

            var words = new TokenReader(marked);
            if (!words.Has(0))
            {
                return $"mark around no word: {Escape(marked)}";
            }

            var word = SnippetBuilder.Fold(words.Word(0));
            var stem = Porter.Stem(word);
            if (!stems.Any(s => s.IsPrefix ? stem.StartsWith(s.Stem, StringComparison.Ordinal) || word.StartsWith(s.Stem, StringComparison.Ordinal) : stem == s.Stem))
            {
                return $"marked {Escape(marked)} matches no term";
            }

            at = close + 1;
        }

        return snippet.IndexOf(Snippets.Close, at) >= 0 ? "stray close mark" : null;
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
