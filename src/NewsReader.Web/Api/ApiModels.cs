using System.Text.Json.Serialization;

namespace NewsReader.Api;

// The API's public shapes. They are separate from the page models so the JSON contract does not move when a page changes.

/// <summary>A response whose Last-Modified header the conditional-request filter can set; never serialized.</summary>
public interface IHasLastModified
{
    DateTimeOffset? LastModified { get; }
}

public sealed record OutletRef(string Slug, string Name, string Url);

public sealed record ArticleListItem
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public required string ApiUrl { get; init; }
    public OutletRef? Outlet { get; init; }
    public string? Byline { get; init; }
    public string? PublishedAt { get; init; }
    public required string Excerpt { get; init; }
    public int WordCount { get; init; }
    public bool Corrected { get; init; }
}

public sealed record ArticlePage : IHasLastModified
{
    public required IReadOnlyList<ArticleListItem> Items { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; }
    public int Total { get; init; }
    public int PageCount { get; init; }

    /// <summary>Absolute URL of the next page, or null on the last page.</summary>
    public string? Next { get; init; }

    /// <summary>Absolute URL of the previous page, or null on the first page.</summary>
    public string? Previous { get; init; }

    [JsonIgnore] public DateTimeOffset? LastModified { get; init; }
}

public sealed record ApiRevision
{
    public int Number { get; init; }
    public required string Origin { get; init; }
    public required string Status { get; init; }
    public required string Title { get; init; }
    public required string CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
}

/// <summary>A published correction: what changed, when, and the revision that carries it.</summary>
public sealed record ArticleCorrection
{
    public int RevisionNumber { get; init; }

    /// <summary>correction, clarification, update or editors-note, when the corrections area records one.</summary>
    public string? Kind { get; init; }
    public required string CorrectedAt { get; init; }
    public string? CorrectedBy { get; init; }

    /// <summary>The editor's note to readers, when the corrections area records one.</summary>
    public string? Note { get; init; }
}

public sealed record ArticleResource : IHasLastModified
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public OutletRef? Outlet { get; init; }
    public string? Byline { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public string? Bureau { get; init; }
    public string? PublishedAt { get; init; }
    public string? UpdatedAt { get; init; }

    /// <summary>Where the article was first published, as the source file states it.</summary>
    public string? SourceUrl { get; init; }
    public string? Language { get; init; }
    public required string Excerpt { get; init; }
    public int WordCount { get; init; }
    public int RevisionNumber { get; init; }

    /// <summary>The live revision's body as sanitized HTML.</summary>
    public required string BodyHtml { get; init; }
    public required IReadOnlyList<ApiRevision> Revisions { get; init; }
    public required IReadOnlyList<ArticleCorrection> Corrections { get; init; }

    [JsonIgnore] public DateTimeOffset? LastModified { get; init; }
}

public sealed record OutletResource : IHasLastModified
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required string Url { get; init; }
    public required string ArticlesUrl { get; init; }
    public required string FeedUrl { get; init; }
    public int ArticleCount { get; init; }
    public string? FirstPublished { get; init; }
    public string? LastPublished { get; init; }

    [JsonIgnore] public DateTimeOffset? LastModified { get; init; }
}

public sealed record OutletList : IHasLastModified
{
    public required IReadOnlyList<OutletResource> Items { get; init; }

    [JsonIgnore] public DateTimeOffset? LastModified { get; init; }
}
