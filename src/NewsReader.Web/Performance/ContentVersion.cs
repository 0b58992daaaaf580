using System.Globalization;
using Dapper;
using NewsReader.Store;

namespace NewsReader.Performance;

/// <summary>
/// One version for everything readers see, kept in the store so that every node sharing it gives a page the same ETag:
/// a counter moved on by whoever changes what readers see (<see cref="ChangedAsync"/>: ingestion, corrections, a node
/// starting with new code or settings) and the newest revision (which another process, like the ingest verb, may have
/// written). Coarse, but a reader's copy is never wrongly declared current. Each node also keeps a generation of its own,
/// moved on whenever it drops its cached pages or sees the stored version move, which keys them
/// (<see cref="PerformanceExtensions"/>).
/// </summary>
public sealed class ContentVersion(Db db, TimeProvider clock, ReplicaCatchUp replica, NodeSignals signals)
{
    private const string CurrentSql = """
        SELECT v.version AS Version, v.changed_at AS ChangedAt, r.id AS LatestRevisionId, r.created_at AS RevisedAt
        FROM content_version v
        LEFT JOIN (SELECT id, created_at FROM article_revisions ORDER BY id DESC LIMIT 1) r ON 1 = 1
        WHERE v.id = 1
        """;

    private const string ChangedSql = "UPDATE content_version SET version = version + 1, changed_at = @now WHERE id = 1";

    private long _generation;

    // The ETag this node last gave (null: none yet). Another writer's change (the ingest verb beside the app on one SQLite
    // file, a node whose signal was lost) shows here first: the generation moves on, so no page cached before it is
    // served after.
    private string? _seen;

    /// <summary>Moves on at every drop of this node's cached pages: the output cache keys pages by it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Bump() => Interlocked.Increment(ref _generation);

    /// <summary>Counts a change readers will see, after it is committed (on the primary).</summary>
    public async Task ChangedAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(ChangedSql, new { now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) }, cancellationToken: ct));
    }

    /// <summary>
    /// Counts a committed change (<see cref="ChangedAsync"/>) and tells the other nodes, with the primary's position their
    /// replicas must reach before they drop their cached pages; returns that position (null without a replica).
    /// </summary>
    public async Task<string?> AnnounceChangeAsync(CancellationToken ct)
    {
        await ChangedAsync(ct);
        var position = await replica.PrimaryPositionAsync(ct);
        await signals.SendAsync(ReadingCache.Topic, position, ct);
        return position;
    }

    public async Task<(string ETag, DateTimeOffset LastModified)> CurrentAsync(CancellationToken ct)
    {
        await using var c = await db.OpenReadOnlyAsync(ct);
        var current = await c.QuerySingleOrDefaultAsync<Current>(new CommandDefinition(CurrentSql, cancellationToken: ct)) ?? new Current();
        var changedAt = Parse(current.ChangedAt);
        if (Parse(current.RevisedAt) is var revisedAt && revisedAt > changedAt)
        {
            changedAt = revisedAt;
        }

        var etag = $"W/\"{current.Version}-{current.LatestRevisionId ?? 0}\"";
        if (Interlocked.Exchange(ref _seen, etag) is { } seen && seen != etag)
        {
            Bump();
        }

        return (etag, Api.ConditionalGet.WholeSeconds(changedAt));
    }

    private static DateTimeOffset Parse(string? stored) =>
        DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DateTimeOffset.UnixEpoch;

    private sealed record Current
    {
        public long Version { get; init; }

        public string? ChangedAt { get; init; }

        public long? LatestRevisionId { get; init; }

        public string? RevisedAt { get; init; }
    }
}
