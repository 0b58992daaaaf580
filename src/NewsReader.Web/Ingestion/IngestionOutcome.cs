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

/// <summary>What happened to one file. <paramref name="Repeated"/>: a refusal already logged, given again without parsing.</summary>
public sealed record IngestionOutcome(string Path, IngestionResult Result, string? Reason = null, long? ArticleId = null, bool Repeated = false);

/// <summary>A run over a folder, as the <c>ingest</c> verb prints it.</summary>
public sealed record IngestionSummary(IReadOnlyList<IngestionOutcome> Outcomes, int MarkedMissing)
{
    public int Count(IngestionResult result) => Outcomes.Count(o => o.Result == result);
}
