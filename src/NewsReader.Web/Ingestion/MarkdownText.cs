using System.Text;

namespace NewsReader.Ingestion;

/// <summary>Writes plain text as Markdown that renders back to the same text.</summary>
public static class MarkdownText
{
    private const string Escaped = @"\`*_[]<>&#|~!";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Escaped.Contains(c))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        // A paragraph starting "1. " or "- " or "+ " would become a list.
        var s = sb.ToString();
        if (s.Length > 1 && (s[0] is '-' or '+' or '=') && (s.Length == 1 || s[1] == ' '))
        {
            s = "\\" + s;
        }
        else
        {
            var digits = 0;
            while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            {
                digits++;
            }

            if (digits is > 0 and < 10 && digits < s.Length && s[digits] is '.' or ')')
            {
                s = s[..digits] + "\\" + s[digits..];
            }
        }

        return s;
    }

    public static string FromParagraphs(IEnumerable<string> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(Escape));
}
