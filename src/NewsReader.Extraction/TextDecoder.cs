using System.Text;

namespace NewsReader.Extraction;

/// <summary>Turns file bytes into text: UTF-8 (with or without BOM, strict), else Windows-1252 with a warning.</summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static (string Text, string? Warning) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var utf16 = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return (utf16.GetString(bytes[2..]), null);
        }

        if (Utf16WithoutBom(bytes) is { } utf16WithoutBom)
        {
            return (utf16WithoutBom.GetString(bytes), null);
        }

        try
        {
            return (StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return Mixed(bytes) is { } repaired
                ? repaired
                : (Windows1252.GetString(bytes), "File is not valid UTF-8; decoded as Windows-1252.");
        }
    }

    /// <summary>
    /// A UTF-8 file with a few stray bytes of a legacy encoding (a paragraph pasted from an old page, a template in
    /// Latin-1): when its valid multi-byte characters outnumber the stray bytes, it is UTF-8, and each stray byte is read
    /// as Windows-1252. A legacy file has almost no valid multi-byte sequences, so it stays whole Windows-1252.
    /// </summary>
    private static (string Text, string Warning)? Mixed(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        int multiByte = 0, stray = 0;
        Span<char> chars = stackalloc char[2];
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                multiByte += consumed > 1 ? 1 : 0;
                text.Append(chars[..rune.EncodeToUtf16(chars)]);
            }
            else
            {
                stray++;
                consumed = 1;
                text.Append(Windows1252.GetString(bytes[..1]));
            }

            bytes = bytes[consumed..];
        }

        return multiByte > stray ? (text.ToString(), $"File is not valid UTF-8 in {(stray == 1 ? "one place" : $"{stray:N0} places")}; those bytes were read as Windows-1252.") : null;
    }

    /// <summary>True when the bytes look like a binary file rather than text: NUL bytes or many control bytes early on.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }

        if (Utf16WithoutBom(bytes) is not null)
        {
            return false;
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                control++;
            }
        }

        return head.Length > 0 && control * 20 > head.Length;
    }

    /// <summary>
    /// UTF-16 saved without a byte-order mark (some Windows tools): mostly Latin text shows as a zero byte beside every
    /// character, on the odd bytes for little-endian and the even ones for big-endian.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..(Math.Min(bytes.Length, 8192) & ~1)];
        if (head.Length < 8)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0, evenText = 0, oddText = 0;
        for (var i = 0; i < head.Length; i += 2)
        {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
            evenText += IsTextByte(head[i]) ? 1 : 0;
            oddText += IsTextByte(head[i + 1]) ? 1 : 0;
        }

        // The other byte of each pair must read as text too, or this is a binary file that happens to hold many zeros.
        var pairs = head.Length / 2;
        return oddZeros * 10 >= pairs * 9 && evenZeros == 0 && evenText * 10 >= pairs * 9 ? Encoding.Unicode
            : evenZeros * 10 >= pairs * 9 && oddZeros == 0 && oddText * 10 >= pairs * 9 ? Encoding.BigEndianUnicode
            : null;
    }

    private static bool IsTextByte(byte b) => b is (>= 0x20 and < 0x7F) or 0x09 or 0x0A or 0x0D;
}
