namespace NewsReader.Extraction.Limits;

/// <summary>
/// The "NewsReader:Parse" settings: how much one file may cost to parse. A file past a limit is refused with a reason
/// in the ingestion log and is not parsed again until it changes; the rest of the folder ingests.
/// </summary>
public sealed class ParseLimits
{
    /// <summary>Wall time one file may take to parse; past it the parse is cancelled and the file refused. -1 ms: no limit.</summary>
    public TimeSpan WallTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How deep a file may nest (lists, quotes, YAML values). Readers of real articles never come near it.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Link reference definitions ("[1]: https://...") one Markdown file may have.</summary>
    public int MaxLinkReferences { get; set; } = 2_000;

    /// <summary>Table cells one file may have (Markdown pipe tables, HTML td/th).</summary>
    public int MaxTableCells { get; set; } = 50_000;

    /// <summary>Characters of article text one file may produce, whatever its shape (YAML aliases, entity expansion).</summary>
    public int MaxOutputChars { get; set; } = 30_000_000;

    /// <summary>Characters a title may have; longer ones are cut with a warning.</summary>
    public int MaxTitleChars { get; set; } = 300;

    /// <summary>Characters a byline or an outlet name may have; longer ones are cut with a warning.</summary>
    public int MaxNameChars { get; set; } = 200;

    /// <summary>The limits with out-of-range settings (zero, negative) replaced by the defaults, so a typo cannot switch a limit off.</summary>
    public ParseLimits Sane()
    {
        var d = new ParseLimits();
        return new ParseLimits
        {
            WallTime = WallTime > TimeSpan.Zero || WallTime == Timeout.InfiniteTimeSpan ? WallTime : d.WallTime,
            MaxDepth = MaxDepth > 0 ? MaxDepth : d.MaxDepth,
            MaxLinkReferences = MaxLinkReferences > 0 ? MaxLinkReferences : d.MaxLinkReferences,
            MaxTableCells = MaxTableCells > 0 ? MaxTableCells : d.MaxTableCells,
            MaxOutputChars = MaxOutputChars > 0 ? MaxOutputChars : d.MaxOutputChars,
            MaxTitleChars = MaxTitleChars > 0 ? MaxTitleChars : d.MaxTitleChars,
            MaxNameChars = MaxNameChars > 0 ? MaxNameChars : d.MaxNameChars,
        };
    }
}
