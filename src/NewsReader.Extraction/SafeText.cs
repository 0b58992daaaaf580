using System.Text;

namespace NewsReader.Extraction;

/// <summary>
/// Text made safe at the door: C0 control characters other than tab and line ends, lone surrogates and Unicode
/// non-characters are removed. C1 controls in real text are almost always Windows-1252 punctuation decoded as Latin-1
/// (U+0093 for “, U+0085 for …): those become the character meant, and the five that Windows-1252 leaves undefined go. What is left is
/// valid in XML 1.0, JSON and HTML, so no stored text can make a feed or a page fail later.
/// </summary>
public static class SafeText
{
    /// <summary>The text cleaned, or the same instance when there was nothing to clean (the common case costs one scan).</summary>
    public static string Clean(string text)
    {
        var first = FirstUnsafe(text);
        return first < 0 ? text : CleanFrom(text, first);
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    public static bool IsSafe(string text) => FirstUnsafe(text) < 0;

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 ? c is not '\t' and not '\n' and not '\r' : c >= 0x7F && NeedsLook(c) && Width(text, i) <= 0)
            {
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        return -1;
    }

    // Only these ranges can hold something to remove: DEL and C1, surrogates, U+FDD0–U+FDEF, U+FFFE–U+FFFF.
    private static bool NeedsLook(char c) => c <= 0x9F || char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF' || c >= '\uFFFE';

    /// <summary>How many chars the character at i spans when it may stay (1 or 2), or 0 when it must go.</summary>
    private static int Width(string text, int i)
    {
        var c = text[i];
        if (c < 0x20)
        {
            return c is '\t' or '\n' or '\r' ? 1 : 0;
        }

        if (c is >= '\u007F' and <= '\u009F' or >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF')
        {
            return 0;
        }

        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
            {
                return 0;
            }

            // Supplementary non-characters: the last two code points of every plane (U+1FFFE, U+1FFFF, ...).
            return (char.ConvertToUtf32(c, text[i + 1]) & 0xFFFE) == 0xFFFE ? -2 : 2;
        }

        return char.IsLowSurrogate(c) ? 0 : 1;
    }

    // What bytes 0x80–0x9F mean in Windows-1252; '\0' where it defines nothing.
    private const string Windows1252 = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

    private static string CleanFrom(string text, int first)
    {
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case >= '\u0080' and <= '\u009F':
                    if (Windows1252[c - 0x80] is not '\0' and var meant)
                    {
                        sb.Append(meant);
                    }

                    continue;
            }

            var width = Width(text, i);
            if (width > 0)
            {
                sb.Append(text, i, width);
            }

            i += Math.Max(Math.Abs(width), 1) - 1;
        }

        return sb.ToString();
    }
}
