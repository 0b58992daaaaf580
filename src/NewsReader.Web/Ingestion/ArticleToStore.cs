using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NewsReader.Articles;
using NewsReader.Extraction;
using NewsReader.Images;

namespace NewsReader.Ingestion;

/// <summary>
/// A parsed article with everything storing derives from it: body text, content hash, rendered and sanitised HTML,
/// excerpt, word count, byline. Worked out on the parallel prepare stage, so the single writer only writes rows.
/// </summary>
public sealed record ArticleToStore
{
    public ArticleToStore(ParsedArticle parsed)
    {
        Parsed = parsed;
        BodyText = string.Join("\n\n", parsed.Body);
        BodyHtml = BodyRenderer.ToHtml(parsed.BodyMarkdown, parsed.Body);
        ContentHash = ContentHashOf(BodyText);
        WordCount = ReadingTime.CountWords(BodyText);
        Byline = Bylines.Join(parsed.Authors);
        Excerpt = Excerpts.From(parsed.Body);
        DroppedJson = JsonSerializer.Serialize(parsed.Dropped);
        WarningsJson = JsonSerializer.Serialize(parsed.Warnings);
    }

    public ParsedArticle Parsed { get; }

    /// <summary>Images saved beside the file that the body shows, stored with the article (<see cref="LocalImages"/>).</summary>
    public IReadOnlyList<StoredImage> Images { get; init; } = [];

    /// <summary>The body's blocks as one text, as search indexes it and diffs compare it.</summary>
    public string BodyText { get; }

    public string BodyHtml { get; }

    public string ContentHash { get; }

    public int WordCount { get; }

    public string? Byline { get; }

    public string Excerpt { get; }

    public string DroppedJson { get; }

    public string WarningsJson { get; }

    /// <summary>The same story from two files or formats hashes alike: case, spacing and punctuation are ignored.</summary>
    internal static string ContentHashOf(string bodyText)
    {
        var sb = new StringBuilder(bodyText.Length);
        foreach (var ch in bodyText)
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
