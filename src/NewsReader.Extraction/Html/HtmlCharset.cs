using System.Text;
using System.Text.RegularExpressions;

namespace NewsReader.Extraction.Html;

/// <summary>
/// Decodes a saved page: a byte-order mark wins, then <c>&lt;meta charset&gt;</c> or the http-equiv Content-Type meta
/// in the first bytes, else UTF-8 (falling back to Windows-1252 with a warning when the bytes are not UTF-8).
/// </summary>
public static partial class HtmlCharset
{
    // Browsers look for the declaration in the first 1024 bytes; saved pages often put it later, after comments.
    private const int PrescanBytes = 4096;

    [GeneratedRegex(@"<meta\b[^>]*?\bcharset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_:.\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetDeclaration();

    public static (string Text, string? Warning) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TextDecoder.Decode(bytes);
        }

        var declared = Declared(bytes);
        if (declared is null or { CodePage: 65001 or 1200 or 1201 })
        {
            return TextDecoder.Decode(bytes);
        }

        return (declared.GetString(bytes), null);
    }

    /// <summary>The encoding the page declares, or null when it declares none or one this runtime does not know.</summary>
    public static Encoding? Declared(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var m = CharsetDeclaration().Match(head);
        return m.Success ? ByName(m.Groups["cs"].Value) : null;
    }

    private static Encoding? ByName(string name)
    {
        // The HTML standard reads these labels as Windows-1252, a superset that decodes curly quotes and dashes.
        if (name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) || name.Equals("latin1", StringComparison.OrdinalIgnoreCase)
            || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || name.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            name = "windows-1252";
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
