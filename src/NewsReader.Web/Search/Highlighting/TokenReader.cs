using System.Globalization;
using System.Text;

namespace NewsReader.Search.Highlighting;

/// <summary>
/// Splits text into words lazily, as unicode61 does (runs of letters, digits and combining marks): a snippet usually
/// needs only the first paragraph or two, so the rest of a long body is never scanned. Characters outside the Basic
/// Multilingual Plane count by what they are (a letter such as 𝐀 joins a word, an emoji separates words), and a lone
/// surrogate separates words.
/// </summary>
internal sealed class TokenReader(string text, int from = 0)
{
    private readonly List<(int Start, int End)> _tokens = new(64);

    // Never inside a word: a reader that starts partway through the text backs up to the start of that word.
    private int _position = WordStart(text, Math.Clamp(from, 0, text.Length));

    public string Text => text;

    public (int Start, int End) this[int index] => _tokens[index];

    public ReadOnlySpan<char> Word(int index) => text.AsSpan(_tokens[index].Start, _tokens[index].End - _tokens[index].Start);

    /// <summary>True when the text has a word at this index, reading on as far as needed.</summary>
    public bool Has(int index)
    {
        while (_tokens.Count <= index && _position < text.Length)
        {
            ReadNext();
        }

        return index < _tokens.Count;
    }

    /// <summary>The number of words read so far (all of them once <see cref="Has"/> returned false).</summary>
    public int Count => _tokens.Count;

    // Every pass moves _position forward by at least one character while any text is left.
    private void ReadNext()
    {
        while (_position < text.Length && WordCharAt(text, _position) is var width && width <= 0)
        {
            _position += -width;
        }

        var start = _position;
        while (_position < text.Length && WordCharAt(text, _position) is var width && width > 0)
        {
            _position += width;
        }

        if (_position > start)
        {
            _tokens.Add((start, _position));
        }
    }

    /// <summary>The word holding the character at <paramref name="at"/> (empty when that character is not part of a word).</summary>
    public static (int Start, int End) WordAround(string text, int at)
    {
        at = Math.Clamp(at, 0, text.Length);
        var end = at;
        while (end < text.Length && WordCharAt(text, end) is var width && width > 0)
        {
            end += width;
        }

        return (WordStart(text, at), end);
    }

    /// <summary>True when the character (or surrogate pair) that ends just before <paramref name="at"/> is part of a word.</summary>
    public static bool IsWordCharBefore(string text, int at) => at > 0 && StartOfCharBefore(text, at) is var s && WordCharAt(text, s) > 0;

    private static int WordStart(string text, int at)
    {
        while (at > 0 && StartOfCharBefore(text, at) is var s && WordCharAt(text, s) > 0)
        {
            at = s;
        }

        return at;
    }

    // Where the character ending at `at` starts: one back, or two for a surrogate pair.
    private static int StartOfCharBefore(string text, int at) =>
        at >= 2 && char.IsLowSurrogate(text[at - 1]) && char.IsHighSurrogate(text[at - 2]) ? at - 2 : at - 1;

    /// <summary>
    /// The width in chars of a word character at <paramref name="at"/> (1 or 2), or minus the width of a character
    /// that is not part of a word. Never 0 inside the text, so callers that step by its absolute value always advance.
    /// </summary>
    internal static int WordCharAt(string text, int at)
    {
        var c = text[at];
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) ? 1 : -1;
        }

        if (!char.IsSurrogate(c))
        {
            return IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(c)) ? 1 : -1;
        }

        if (char.IsHighSurrogate(c) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
        {
            return IsWordRune(new Rune(c, text[at + 1])) ? 2 : -2;
        }

        return -1;
    }

    /// <summary>A letter, number or combining mark: a character the index keeps in a word; the query parser splits words the same way.</summary>
    public static bool IsWordRune(Rune rune) => IsWordCategory(Rune.GetUnicodeCategory(rune));

    private static bool IsWordCategory(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
