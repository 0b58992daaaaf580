using System.Globalization;

namespace NewsReader.Search.Highlighting;

/// <summary>
/// Splits text into words lazily, as unicode61 does (runs of letters, digits and combining marks): a snippet usually
/// needs only the first paragraph or two, so the rest of a long body is never scanned.
/// </summary>
internal sealed class TokenReader(string text, int from = 0)
{
    private readonly List<(int Start, int End)> _tokens = new(64);

    // Never inside a word: a reader that starts partway through the text backs up to the start of that word.
    private int _position = WordStart(text, from);

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

    private void ReadNext()
    {
        while (_position < text.Length && !IsWordChar(text[_position]))
        {
            _position++;
        }

        var start = _position;
        while (_position < text.Length && IsWordChar(text[_position]))
        {
            _position++;
        }

        if (_position > start)
        {
            _tokens.Add((start, _position));
        }
    }

    /// <summary>The word holding the character at <paramref name="at"/> (empty when that character is not part of a word).</summary>
    public static (int Start, int End) WordAround(string text, int at)
    {
        var end = at;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        return (WordStart(text, at), Math.Max(end, at));
    }

    private static int WordStart(string text, int at)
    {
        while (at > 0 && at <= text.Length && IsWordChar(text[at - 1]))
        {
            at--;
        }

        return Math.Clamp(at, 0, text.Length);
    }

    /// <summary>A letter, digit or combining mark: part of a word to unicode61.</summary>
    public static bool IsWordChar(char c) => c < 128
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || char.IsSurrogate(c)
          || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
