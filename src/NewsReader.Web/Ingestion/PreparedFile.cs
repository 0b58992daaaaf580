using NewsReader.Extraction;

namespace NewsReader.Ingestion;

/// <summary>A file read, hashed, parsed and rendered, or the reason it could not be; no database involved yet.</summary>
internal sealed record PreparedFile(string Path, KnownFile? Known, long Mtime)
{
    /// <summary>Set when the file's size and time match what is stored: nothing to read or write.</summary>
    public IngestionOutcome? Unchanged { get; init; }

    public string? Unreadable { get; init; }

    /// <summary>Set when the file itself was refused (a parser, a limit): recorded so it is not parsed again until it changes.</summary>
    public RefusedFile? Refusal { get; init; }

    public string? Sha { get; init; }

    public long Size { get; init; }

    public ParseResult? Parsed { get; init; }

    /// <summary>The parsed article with its HTML and the rest storing needs, when the file is an article.</summary>
    public ArticleToStore? ToStore { get; init; }
}
