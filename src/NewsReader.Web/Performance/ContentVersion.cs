using Dapper;
using NewsReader.Store;

namespace NewsReader.Performance;

/// <summary>
/// One version for everything readers see: it changes when this process invalidates the reading cache (ingestion,
/// corrections), when a new revision lands in the store (even from another process, like the ingest verb), and on restart
/// (new code, new layout). Pages carry it as their ETag; coarse, but a reader's copy is never wrongly declared current.
/// </summary>
public sealed class ContentVersion(Db db, TimeProvider clock)
{
    private const string LatestRevisionSql = """
        SELECT id, created_at AS CreatedAt FROM article_revisions ORDER BY id DESC LIMIT 1
        """;

    private readonly string _processStamp = clock.GetUtcNow().UtcTicks.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    private long _generation;
    private DateTimeOffset _changedAt = clock.GetUtcNow();

    /// <summary>Moves on at every invalidation: the output cache keys pages by it (see <see cref="PerformanceExtensions"/>).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Bump()
    {
        Interlocked.Increment(ref _generation);
        _changedAt = clock.GetUtcNow();
    }

    public async Task<(string ETag, DateTimeOffset LastModified)> CurrentAsync(CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var latest = await c.QuerySingleOrDefaultAsync<LatestRevision>(new CommandDefinition(LatestRevisionSql, cancellationToken: ct));
        var changedAt = _changedAt;
        if (latest is not null && DateTimeOffset.TryParse(latest.CreatedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var revisedAt) && revisedAt > changedAt)
        {
            changedAt = revisedAt;
        }

        return ($"W/\"{_processStamp}-{Interlocked.Read(ref _generation)}-{latest?.Id ?? 0}\"", Api.ConditionalGet.WholeSeconds(changedAt));
    }

    private sealed record LatestRevision
    {
        public long Id { get; init; }

        public string CreatedAt { get; init; } = "";
    }
}
