using System.Data.Common;
using Dapper;

namespace NewsReader.Store;

/// <summary>
/// Where the primary's writes have reached, and waiting until the read replica has applied them. A reading cache
/// dropped while the replica still lags would fill again with pages from before the change and keep them; dropped once
/// the replica holds the change, it fills with the change. With no replica (or one that is not a streaming standby)
/// there is nothing to wait for.
/// </summary>
public sealed class ReplicaCatchUp(Db db, ILogger<ReplicaCatchUp> logger)
{
    /// <summary>How long a change waits for a lagging replica before the cache is dropped all the same.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    // The insert position: with synchronous_commit off, the write position can still be short of the commit just made.
    private const string PositionSql = "SELECT pg_current_wal_insert_lsn()::text";

    // NULL: the read connection is not a standby replaying a primary's log, so it has every change already.
    private const string ReplayedSql = "SELECT pg_last_wal_replay_lsn()::text";

    private readonly SemaphoreSlim _one = new(1, 1);

    // The furthest position the replica was seen to have replayed (0: not yet asked); read and written under _one.
    private ulong _replayed;

    /// <summary>The primary's write position now (after the change committed); null when reading does not go to a replica.</summary>
    public Task<string?> PrimaryPositionAsync(CancellationToken ct) => db.HasReplica ? ReadPositionAsync(ct) : Task.FromResult<string?>(null);

    private async Task<string?> ReadPositionAsync(CancellationToken ct)
    {
        try
        {
            await using var c = await db.OpenAsync(ct);
            return await c.ExecuteScalarAsync<string>(new CommandDefinition(PositionSql, cancellationToken: ct));
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            logger.LogWarning(e, "Could not read the primary's write position; cached pages are dropped without waiting for the replica");
            return null;
        }
    }

    /// <summary>Returns once the replica has applied everything up to <paramref name="position"/>, or after <see cref="MaxWait"/>.</summary>
    public Task WaitAsync(string? position, CancellationToken ct) =>
        position is null || !db.HasReplica || Lsn(position) is not { } target ? Task.CompletedTask : WaitForReplicaAsync(target, ct);

    // One wait at a time, on one connection: a burst of changes (an ingestion commits a batch every few files) waits once,
    // and the waits behind it find their position already replayed. Each still gives up MaxWait after it was asked.
    private async Task WaitForReplicaAsync(ulong target, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + MaxWait;
        if (!await _one.WaitAsync(MaxWait, ct))
        {
            return;
        }

        try
        {
            if (_replayed >= target)
            {
                return;
            }

            await using var c = await db.OpenReadOnlyAsync(ct);
            while (true)
            {
                var replayed = await c.ExecuteScalarAsync<string?>(new CommandDefinition(ReplayedSql, cancellationToken: ct));
                if (replayed is null || Lsn(replayed) is not { } at)
                {
                    return;
                }

                _replayed = Math.Max(_replayed, at);
                if (at >= target)
                {
                    return;
                }

                if (DateTime.UtcNow >= deadline)
                {
                    logger.LogWarning("The read replica is more than {Wait} behind the primary; cached pages are dropped before it caught up", MaxWait);
                    return;
                }

                await Task.Delay(Poll, ct);
            }
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            logger.LogWarning(e, "Could not ask the read replica how far it is; cached pages are dropped without waiting for it");
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>A WAL position as PostgreSQL prints it ("16/B374D848": two hexadecimal halves), as one number.</summary>
    internal static ulong? Lsn(string text) =>
        text.Split('/') is [var high, var low]
        && uint.TryParse(high, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var h)
        && uint.TryParse(low, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var l)
            ? ((ulong)h << 32) | l
            : null;
}
