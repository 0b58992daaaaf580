namespace NewsReader.Extraction;

/// <summary>What a parser makes of one file, before it is stored. Fields a file does not give stay null or empty.</summary>
public sealed record ParsedArticle
{
    public required string Format { get; init; }

    public required string Title { get; init; }

    /// <summary>The outlet that published the article.</summary>
    public string? Site { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Where the article was filed from: "Taipei Bureau", "Athens".</summary>
    public string? Bureau { get; init; }

    /// <summary>ISO 8601: a date, or a date-time with offset when the file gives a time and zone.</summary>
    public string? Published { get; init; }

    public string? Updated { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? Language { get; init; }

    /// <summary>Plain-text blocks in reading order (paragraphs, headings, list items each their own entry).</summary>
    public required IReadOnlyList<string> Body { get; init; }

    /// <summary>The body as Markdown, the one form every revision is stored and rendered from.</summary>
    public required string BodyMarkdown { get; init; }

    /// <summary>Page furniture removed from the file (navigation words, cookie notices, related links).</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Images of the body that are files beside the page (a saved page's "_files" folder, a Markdown file's
    /// relative paths), for the caller to read and store; web addresses are not listed.</summary>
    public IReadOnlyList<ImageReference> Images { get; init; } = [];
}
