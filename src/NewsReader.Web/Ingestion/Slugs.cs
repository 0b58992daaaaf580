using System.Globalization;
using System.Text;

namespace NewsReader.Ingestion;

/// <summary>URL slugs: lower-case ASCII words joined by hyphens, accents folded.</summary>
public static class Slugs
{
    private const int MaxLength = 80;

    public static string From(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength + 1));
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
                if (sb.Length > MaxLength)
                {
                    break;
                }
            }
            else if (c is not '\'' and not '’')
            {
                pendingHyphen = true;
            }
        }

        if (sb.Length == 0)
        {
            return "article";
        }

        // Over the limit: cut at the last whole word that fits, so a slug never ends mid-word or with a hyphen.
        var slug = sb.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = cut > 0 ? slug[..cut] : slug[..MaxLength];
        }

        return slug;
    }
}
