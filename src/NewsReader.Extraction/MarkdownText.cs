using System.Text;

namespace NewsReader.Extraction;

/// <summary>Writes plain text as Markdown that renders back to the same text.</summary>
public static class MarkdownText
{
    // Every character the app's Markdown pipeline gives a meaning to, including the emphasis extras
    // (^superscript^, ++inserted++, ==marked==) and figures (^^^). A backslash before ASCII punctuation is always a plain escape.
    private const string Escaped = @"\`*_[]<>&#|~!^+=";

    /// <summary>Escapes one block of text; each of its lines is escaped so none can start a list, heading or rule.</summary>
    public static string Escape(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join("\n", lines.Select(EscapeLine));
    }

    public static string FromParagraphs(IEnumerable<string> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(Escape));

    private static string EscapeLine(string line)
    {
        // Markdown drops leading spaces from a paragraph line anyway, and four of them would make a code block.
        line = line.TrimStart(' ', '\t');
        var sb = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            if (Escaped.Contains(c))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        var s = sb.ToString();

        // A line starting "-" would become a list item or a rule ("- x", "---"); "1. " or "1) " an ordered list.
        if (s.StartsWith('-'))
        {
            return "\\" + s;
        }

        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 10 && digits < s.Length && s[digits] is '.' or ')'
            ? s[..digits] + "\\" + s[digits..]
            : s;
    }
}
