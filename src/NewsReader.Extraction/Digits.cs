using System.Globalization;

namespace NewsReader.Extraction;

/// <summary>Decimal digits of any script ("২০২০", "٢٠٢٠", "２０２０") read as numbers: regex \d matches them all.</summary>
public static class Digits
{
    /// <summary>The text with every decimal digit written in ASCII; same length, so positions found in one hold in the other.</summary>
    public static string ToAscii(string text)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > '\u007f' && CharUnicodeInfo.GetDecimalDigitValue(text[i]) >= 0)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
            {
                if (span[i] > '\u007f' && CharUnicodeInfo.GetDecimalDigitValue(span[i]) is >= 0 and var d)
                {
                    span[i] = (char)('0' + d);
                }
            }
        });
    }

    /// <summary>A run of decimal digits of any script as a number; null when empty, not all digits, or too large.</summary>
    public static int? Parse(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty || digits.Length > 9)
        {
            return null;
        }

        var value = 0;
        foreach (var c in digits)
        {
            var d = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (d < 0)
            {
                return null;
            }

            value = value * 10 + d;
        }

        return value;
    }
}
