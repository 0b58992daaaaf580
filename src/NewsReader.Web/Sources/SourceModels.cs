namespace NewsReader.Sources;

/// <summary>An outlet in the sources list.</summary>
public sealed record OutletSummary
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Name { get; init; } = "";
    public int ArticleCount { get; init; }
    public string? FirstPublished { get; init; }
    public string? LastPublished { get; init; }
}

/// <summary>A person or bureau and how many of the outlet's articles carry the name.</summary>
public sealed record NameCount
{
    public string Name { get; init; } = "";
    public int Count { get; init; }
}
