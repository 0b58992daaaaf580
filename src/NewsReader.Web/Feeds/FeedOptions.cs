using NewsReader.Api;

namespace NewsReader.Feeds;

/// <summary>?format=atom|rss and ?content=full|summary; full-text Atom by default.</summary>
public sealed record FeedOptions(FeedFormat Format, bool FullText)
{
    public static readonly IResult Invalid =
        ApiProblems.BadRequest("format must be 'atom' or 'rss', and content must be 'full' or 'summary'.");

    public static FeedOptions? Parse(string? format, string? content)
    {
        FeedFormat? feedFormat = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "atom" => FeedFormat.Atom,
            "rss" => FeedFormat.Rss,
            _ => null,
        };
        bool? fullText = content?.Trim().ToLowerInvariant() switch
        {
            null or "" or "full" => true,
            "summary" => false,
            _ => null,
        };
        return feedFormat is { } f && fullText is { } full ? new FeedOptions(f, full) : null;
    }
}
