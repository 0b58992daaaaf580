namespace NewsReader.Ingestion;

public enum IngestionResult
{
    Ingested,
    Revised,
    Unchanged,
    Duplicate,
    PendingReview,
    Failed,
}

/// <summary>What happened to one file.</summary>
public sealed record IngestionOutcome(string Path, IngestionResult Result, string? Reason = null, long? ArticleId = null)
{
    /// <summary>A failure already logged for the same bytes and reason at an earlier scan: not news for the log.</summary>
    public bool Repeated { get; init; }

    /// <summary>Whether a scan's log should mention this file: anything but an unchanged file or a failure it already told.</summary>
    public bool IsNews => Result != IngestionResult.Unchanged && !Repeated;
}

/// <summary>A run over a folder, as the <c>ingest</c> verb prints it.</summary>
public sealed record IngestionSummary(IReadOnlyList<IngestionOutcome> Outcomes, int MarkedMissing)
{
    public int Count(IngestionResult result) => Outcomes.Count(o => o.Result == result);
}

/// <summary>How far a folder run has got: files handed to storage out of all the folder's files.</summary>
public readonly record struct IngestionProgress(int Done, int Total);
