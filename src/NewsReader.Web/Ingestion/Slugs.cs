using System.Globalization;
using System.Text;

namespace NewsReader.Ingestion;

/// <summary>URL slugs: lower-case ASCII words joined by hyphens, accents folded.</summary>
public static class Slugs
{
    private const int MaxLength = 80;

    public static string From(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength));
        var pendingHyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                pendingHyphen = false;
                sb.Append(char.ToLowerInvariant(c));
                if (sb.Length >= MaxLength)
                {
                    break;
                }
            }
            else if (c is not '\'' and not '’')
            {
                pendingHyphen = true;
            }
        }

        return sb.Length == 0 ? "article" : sb.ToString().TrimEnd('-');
    }
}
