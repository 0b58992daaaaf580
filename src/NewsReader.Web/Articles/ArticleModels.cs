using System.Text.Json;

namespace NewsReader.Articles;

// Read models are records with init properties: Dapper sets them by name and converts SQLite's
// 64-bit integers to int and bool, which positional constructors would refuse.

/// <summary>One row of an article list.</summary>
public sealed record ArticleSummary
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? OutletName { get; init; }
    public string? OutletSlug { get; init; }
    public string? Byline { get; init; }
    public string? PublishedAt { get; init; }
    public string Excerpt { get; init; } = "";
    public int WordCount { get; init; }
    public bool Corrected { get; init; }

    public int ReadingMinutes => ReadingTime.Minutes(WordCount);
}

/// <summary>An article as its page shows it: the live revision's text and the article's metadata.</summary>
public sealed record ArticleDetail
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? OutletName { get; init; }
    public string? OutletSlug { get; init; }
    public string? Byline { get; init; }
    public string? Bureau { get; init; }
    public string? PublishedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? Language { get; init; }
    public string Excerpt { get; init; } = "";
    public int WordCount { get; init; }
    public bool SourceMissing { get; init; }
    public int RevisionNumber { get; init; }
    public string BodyHtml { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public IReadOnlyList<string> Authors { get; init; } = [];

    public int ReadingMinutes => ReadingTime.Minutes(WordCount);
}

/// <summary>One file an article came from, with what the parser made of it.</summary>
public sealed record SourceFileInfo
{
    public long Id { get; init; }
    public string Path { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public long SizeBytes { get; init; }
    public string Format { get; init; } = "";
    public string ParserVersion { get; init; } = "";
    public string IngestedAt { get; init; } = "";
    public string DroppedJson { get; init; } = "[]";
    public string WarningsJson { get; init; } = "[]";
    public bool Missing { get; init; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public IReadOnlyList<string> Dropped => JsonSerializer.Deserialize<string[]>(DroppedJson) ?? [];

    public IReadOnlyList<string> Warnings => JsonSerializer.Deserialize<string[]>(WarningsJson) ?? [];
}

/// <summary>One revision in an article's history.</summary>
public sealed record RevisionInfo
{
    public long Id { get; init; }
    public int Number { get; init; }
    public string Origin { get; init; } = "";
    public string Status { get; init; } = "";
    public string Title { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string? CreatedBy { get; init; }
    public string? SourceFileName { get; init; }
}

/// <summary>A page of a list, with what paging links need.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

/// <summary>A link to another article: enough to name it.</summary>
public sealed record ArticleLink
{
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? PublishedAt { get; init; }
}

/// <summary>Where to go from an article: one step newer or older in the list, and more from its outlet.</summary>
public sealed record ArticleNeighbours(ArticleLink? Newer, ArticleLink? Older, IReadOnlyList<ArticleLink> SameOutlet);
