using NewsReader.Seo;

namespace NewsReader.Feeds;

/// <summary>An article as a feed entry needs it: metadata, the live revision's body, and when that revision was made.</summary>
public sealed record FeedArticle
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? OutletName { get; init; }
    public string? OutletSlug { get; init; }
    public string? PublishedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string? Language { get; init; }
    public string CreatedAt { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public string RevisionOrigin { get; init; } = "";
    public string RevisionCreatedAt { get; init; } = "";
    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset Published => SiteUrls.ParseStoredDate(PublishedAt) ?? Created;

    /// <summary>
    /// The article's own update date, or its publication; a live revision made here (a correction) counts as an update,
    /// so feed readers show the corrected text again.
    /// </summary>
    public DateTimeOffset Updated
    {
        get
        {
            var stated = SiteUrls.ParseStoredDate(UpdatedAt) is { } u && u > Published ? u : Published;
            return RevisionOrigin != "ingest" && SiteUrls.ParseStoredDate(RevisionCreatedAt) is { } revised && revised > stated ? revised : stated;
        }
    }

    private DateTimeOffset Created => SiteUrls.ParseStoredDate(CreatedAt) ?? DateTimeOffset.UnixEpoch;
}
