namespace NewsReader.Extraction.Markdown;

/// <summary>The metadata block at the top of a Markdown article (YAML, TOML or JSON front matter).</summary>
public sealed record FrontMatter
{
    public string? Title { get; init; }

    public string? Site { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Published { get; init; }

    public string? Updated { get; init; }

    public string? Url { get; init; }

    public string? Language { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public static readonly FrontMatter None = new();

    /// <summary>
    /// Splits the front matter off the text: YAML between "---" lines (Jekyll, Obsidian, web clippers), TOML between
    /// "+++" lines (Hugo) or a JSON object (Hugo). A block that cannot be read is set aside with a warning.
    /// </summary>
    public static (FrontMatter Front, string Body) Split(string text, List<string> warnings)
    {
        var format = text.StartsWith("---", StringComparison.Ordinal) ? Format.Yaml
            : text.StartsWith("+++", StringComparison.Ordinal) ? Format.Toml
            : text.StartsWith("{\n", StringComparison.Ordinal) ? Format.Json
            : (Format?)null;
        if (format is not { } f || (f != Format.Json && !IsDelimiterLine(text, 0, f)))
        {
            return (None, text);
        }

        var end = FindClosing(text, f);
        if (end is null)
        {
            warnings.Add(f == Format.Json
                ? "The JSON front matter has no closing '}' line; it is read as text."
                : $"The front matter has no closing '{Delimiter(f)}' line; it is read as text.");
            return (None, text);
        }

        var (blockEnd, bodyStart) = end.Value;
        var block = f == Format.Json ? text[..blockEnd] : text[(text.IndexOf('\n') + 1)..blockEnd];
        var body = text[bodyStart..];
        if (TooDeep(block))
        {
            warnings.Add($"The front matter nests deeper than {MaxNesting} levels; it was ignored.");
            return (None, body);
        }

        var fields = f switch
        {
            Format.Yaml => FrontMatterFields.FromYaml(block, warnings),
            Format.Toml => FrontMatterFields.FromToml(block, warnings),
            _ => FrontMatterFields.FromJson(block, warnings),
        };
        return (fields is null ? None : Read(fields), body);
    }

    private enum Format
    {
        Yaml,
        Toml,
        Json,
    }

    private static string Delimiter(Format f) => f == Format.Toml ? "+++" : "---";

    private static bool IsDelimiterLine(string text, int start, Format f)
    {
        var end = text.IndexOf('\n', start);
        var line = (end < 0 ? text[start..] : text[start..end]).TrimEnd('\r', ' ', '\t');
        return line == Delimiter(f) || (f == Format.Yaml && start > 0 && line == "...");
    }

    private const int MaxNesting = 64;
    private const int MaxIndent = 256;

    // The YAML object model is built recursively: a front matter nested thousands deep could overflow the stack.
    // Article metadata is a flat list of fields, so anything deeper than a few levels is refused before parsing.
    private static bool TooDeep(string yaml)
    {
        var depth = 0;
        var indent = 0;
        var atLineStart = true;
        foreach (var c in yaml)
        {
            switch (c)
            {
                case '[' or '{':
                    if (++depth > MaxNesting)
                    {
                        return true;
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '\n':
                    atLineStart = true;
                    indent = 0;
                    continue;
                case ' ' or '-' when atLineStart:
                    if (++indent > MaxIndent)
                    {
                        return true;
                    }

                    continue;
            }

            atLineStart = false;
        }

        return false;
    }

    private static (int BlockEnd, int BodyStart)? FindClosing(string text, Format f)
    {
        var lineStart = f == Format.Json ? 0 : text.IndexOf('\n') + 1;
        while (lineStart > 0 || f == Format.Json)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = (lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd]).TrimEnd('\r', ' ', '\t');
            var bodyStart = lineEnd < 0 ? text.Length : lineEnd + 1;
            if (f == Format.Json ? line == "}" : IsDelimiterLine(text, lineStart, f))
            {
                return (f == Format.Json ? lineStart + 1 : lineStart, bodyStart);
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    private static FrontMatter Read(FrontMatterFields fields)
    {
        // Web clippers write the page's address as "source"; others use it for the outlet's name.
        var source = fields.Scalar("source");
        var sourceIsUrl = Uri.TryCreate(source, UriKind.Absolute, out var sourceUrl) && sourceUrl.Scheme is "http" or "https";
        return new FrontMatter
        {
            Title = fields.Scalar("title", "headline"),
            Site = fields.Scalar("site", "site_name", "siteName", "publisher", "outlet", "publication") ?? (sourceIsUrl ? null : source),
            Authors = fields.List("authors", "author", "byline", "creator").Select(WikiLinkText).Where(a => a.Length > 0).ToList(),
            Published = NewsDates.Normalize(fields.Scalar("published", "date", "datePublished", "pubDate", "published_at", "publishDate", "created", "date_saved", "clipped")),
            Updated = NewsDates.Normalize(fields.Scalar("updated", "modified", "lastmod", "dateModified", "updated_at", "last_modified")),
            Url = fields.Scalar("url", "canonical", "canonical_url", "canonicalURL", "link", "original_url", "source_url") ?? (sourceIsUrl ? source : null),
            Language = fields.Scalar("language", "lang", "locale")?.Replace('_', '-'),
            Tags = fields.List("tags", "keywords", "categories"),
        };
    }

    // Obsidian's clipper links people as notes: "[[Anna Roth]]".
    private static string WikiLinkText(string value) =>
        value.StartsWith("[[", StringComparison.Ordinal) && value.EndsWith("]]", StringComparison.Ordinal) ? value[2..^2].Split('|')[^1].Trim() : value.Trim();
}
