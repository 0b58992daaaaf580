using System.Data.Common;
using Dapper;

namespace NewsReader.Store.Postgres;

/// <summary>
/// A session advisory lock held on a connection kept for it. The connection is asked a question every few seconds: if it
/// has dropped, the server has freed the lock, so <see cref="Lost"/> is cancelled and the holder stops what it guards.
/// </summary>
internal sealed class PostgresSessionLock : INodeLease
{
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(3);

    private readonly DbConnection _connection;
    private readonly long _key;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _released = new();
    private readonly Task _watch;

    private PostgresSessionLock(DbConnection connection, long key, ILogger logger)
    {
        _connection = connection;
        _key = key;
        _logger = logger;
        _watch = WatchAsync();
    }

    public CancellationToken Lost => _lost.Token;

    public static async Task<INodeLease?> TryTakeAsync(Db db, long key, ILogger logger, CancellationToken ct)
    {
        var connection = await db.OpenAsync(ct);
        try
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: ct)))
            {
                return new PostgresSessionLock(connection, key, logger);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public static async Task<INodeLease> TakeAsync(Db db, long key, ILogger logger, CancellationToken ct)
    {
        var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key }, cancellationToken: ct));
            return new PostgresSessionLock(connection, key, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _released.CancelAsync();
        await _watch;
        if (!_lost.IsCancellationRequested)
        {
            try
            {
                // The connection goes back to the pool, and a session lock would go with it.
                await _connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = _key }, commandTimeout: 10));
            }
            catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
            {
                _logger.LogWarning(e, "Could not release advisory lock {Key}; closing its connection frees it", _key);
            }
        }

        await _connection.DisposeAsync();
        _lost.Dispose();
        _released.Dispose();
    }

    private async Task WatchAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(Check, _released.Token);
                await _connection.ExecuteAsync(new CommandDefinition("SELECT 1", commandTimeout: 10, cancellationToken: _released.Token));
            }
        }
        catch (OperationCanceledException) when (_released.IsCancellationRequested)
        {
            // Released by its holder.
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Lost advisory lock {Key}: its connection dropped", _key);
            await _lost.CancelAsync();
        }
    }
}
