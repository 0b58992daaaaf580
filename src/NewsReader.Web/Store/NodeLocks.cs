using NewsReader.Store.Postgres;

namespace NewsReader.Store;

/// <summary>
/// Locks that one node at a time holds, for as long as it keeps them (the ingester's, for one). On PostgreSQL a
/// session advisory lock on a connection of the holder's own: when the holder dies its connection closes and the server
/// frees the lock for the next node. On SQLite one process serves the file, so it always holds every lock.
/// </summary>
public sealed class NodeLocks(Db db, ILogger<NodeLocks> logger)
{
    /// <summary>The lock if no other node holds it; null when one does.</summary>
    public async Task<INodeLease?> TryTakeAsync(long key, CancellationToken ct) =>
        db.Provider == DatabaseProvider.Postgres ? await PostgresSessionLock.TryTakeAsync(db, key, logger, ct) : OnlyNode.Lease;

    /// <summary>Waits until no other node holds the lock, then holds it.</summary>
    public async Task<INodeLease> TakeAsync(long key, CancellationToken ct) =>
        db.Provider == DatabaseProvider.Postgres ? await PostgresSessionLock.TakeAsync(db, key, logger, ct) : OnlyNode.Lease;

    private sealed class OnlyNode : INodeLease
    {
        public static readonly OnlyNode Lease = new();

        public CancellationToken Lost => CancellationToken.None;

        public Task<bool> StillHeldAsync(CancellationToken ct) => Task.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A lock this node holds until disposed, or until <see cref="Lost"/> says it no longer does.</summary>
public interface INodeLease : IAsyncDisposable
{
    /// <summary>Cancelled when the lock slipped away (its connection dropped): another node may hold it now, so stop.</summary>
    CancellationToken Lost { get; }

    /// <summary>
    /// Asks now rather than at the next periodic check: before writing, a holder that was frozen (a paused VM, a long
    /// stall) longer than the server waits finds out it lost the lock instead of writing beside the new holder.
    /// </summary>
    Task<bool> StillHeldAsync(CancellationToken ct);
}
