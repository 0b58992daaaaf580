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
        var (first, next) = Line(text, 0);
        Format? format = first switch { "---" => Format.Yaml, "+++" => Format.Toml, "{" => Format.Json, _ => null };
        if (format is not { } f)
        {
            return (None, text);
        }

        // The closing line: the opening delimiter again (YAML may also end with "..."), or "}" for JSON.
        var lineStart = next;
        while (lineStart < text.Length)
        {
            var (line, after) = Line(text, lineStart);
            if (f == Format.Json ? line == "}" : line == first || (f == Format.Yaml && line == "..."))
            {
                var block = f == Format.Json ? text[..(lineStart + 1)] : text[next..lineStart];
                return (Read(block, f, warnings), text[after..]);
            }

            lineStart = after;
        }

        warnings.Add($"The front matter has no closing '{(f == Format.Json ? "}" : first)}' line; it is read as text.");
        return (None, text);
    }

    private static FrontMatter Read(string block, Format f, List<string> warnings)
    {
        if (TooDeep(block))
        {
            warnings.Add($"The front matter nests deeper than {MaxNesting} levels; it was ignored.");
            return None;
        }

        var fields = f switch
        {
            Format.Yaml => FrontMatterFields.FromYaml(block, warnings),
            Format.Toml => FrontMatterFields.FromToml(block, warnings),
            _ => FrontMatterFields.FromJson(block, warnings),
        };
        return fields is null ? None : Read(fields);
    }

    /// <summary>The line starting at <paramref name="start"/>, trailing blanks trimmed, and where the next one starts.</summary>
    private static (string Line, int Next) Line(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? (text[start..].TrimEnd('\r', ' ', '\t'), text.Length) : (text[start..end].TrimEnd('\r', ' ', '\t'), end + 1);
    }

    private enum Format
    {
        Yaml,
        Toml,
        Json,
    }

    private const int MaxNesting = 64;
    private const int MaxIndent = 256;

    // The libraries build their object models recursively: a front matter nested thousands deep could overflow the
    // stack. Article metadata is a flat list of fields, so anything deeper than a few levels is refused before parsing.
    private static bool TooDeep(string block)
    {
        var depth = 0;
        var indent = 0;
        var atLineStart = true;
        foreach (var c in block)
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
