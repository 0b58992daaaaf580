using System.Data.Common;
using Dapper;

namespace NewsReader.Store.Postgres;

/// <summary>
/// A session advisory lock held on a connection kept for it. The connection is asked a question every few seconds: if it
/// has dropped, the server has freed the lock, so <see cref="Lost"/> is cancelled and the holder stops what it guards.
/// The other way round, a holder that stops asking (its machine died, or hangs, with no connection closed to tell the
/// server) has its session ended by the server after <see cref="Silence"/> (<c>idle_session_timeout</c>), which frees the
/// lock for the next node: without it the server would wait for TCP keepalives, two hours by default.
/// </summary>
internal sealed class PostgresSessionLock : INodeLease
{
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(15);

    private readonly DbConnection _connection;
    private readonly long _key;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _released = new();
    private readonly SemaphoreSlim _asking = new(1, 1);
    private readonly Task _watch;

    private PostgresSessionLock(DbConnection connection, long key, ILogger logger)
    {
        _connection = connection;
        _key = key;
        _logger = logger;
        _watch = WatchAsync();
    }

    public CancellationToken Lost => _lost.Token;

    public async Task<bool> StillHeldAsync(CancellationToken ct)
    {
        if (_lost.IsCancellationRequested)
        {
            return false;
        }

        try
        {
            await AskAsync(ct);
            return true;
        }
        catch (Exception e) when (e is DbException or TimeoutException or IOException or InvalidOperationException)
        {
            await LoseAsync(e);
            return false;
        }
    }

    /// <summary>The lock now, or null when another session holds it.</summary>
    public static Task<PostgresSessionLock?> TryTakeAsync(Db db, long key, ILogger logger, CancellationToken ct) =>
        TakeAsync(db, key, "SELECT pg_try_advisory_lock(@key)", logger, ct);

    /// <summary>The lock, once whoever holds it lets go.</summary>
    public static async Task<PostgresSessionLock> TakeAsync(Db db, long key, ILogger logger, CancellationToken ct) =>
        await TakeAsync(db, key, "SELECT true FROM pg_advisory_lock(@key)", logger, ct)
        ?? throw new InvalidOperationException($"pg_advisory_lock({key}) returned without the lock");

    // pg_advisory_lock returns void: selecting a constant from it makes both statements answer true once the lock is held.
    private static async Task<PostgresSessionLock?> TakeAsync(Db db, long key, string takeSql, ILogger logger, CancellationToken ct)
    {
        var connection = await db.OpenAsync(ct);
        try
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(takeSql, new { key }, cancellationToken: ct)))
            {
                await EndSessionWhenSilentAsync(connection, logger, ct);
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

    public async ValueTask DisposeAsync()
    {
        await _released.CancelAsync();
        await _watch;
        if (!_lost.IsCancellationRequested)
        {
            try
            {
                // The connection goes back to the pool, and a session lock (or a short idle timeout) would go with it.
                await _connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = _key }, commandTimeout: 10));
                await _connection.ExecuteAsync(new CommandDefinition("RESET idle_session_timeout", commandTimeout: 10));
            }
            catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
            {
                _logger.LogWarning(e, "Could not release advisory lock {Key}; closing its connection frees it", _key);
            }
        }

        await _connection.DisposeAsync();
        _lost.Dispose();
        _released.Dispose();
        _asking.Dispose();
    }

    private static async Task EndSessionWhenSilentAsync(DbConnection connection, ILogger logger, CancellationToken ct)
    {
        try
        {
            // A number of milliseconds from our own constant; SET takes no parameters.
            await connection.ExecuteAsync(new CommandDefinition($"SET idle_session_timeout = {(int)Silence.TotalMilliseconds}", cancellationToken: ct));
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedObject)
        {
            // PostgreSQL before 14: a holder that dies without closing its connection keeps the lock until TCP keepalives end it.
            logger.LogWarning("This PostgreSQL has no idle_session_timeout (version 14 and later have): a node that dies without closing its connection keeps the lock until TCP keepalives end its session");
        }
    }

    private async Task WatchAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(Check, _released.Token);
                await AskAsync(_released.Token);
            }
        }
        catch (OperationCanceledException) when (_released.IsCancellationRequested)
        {
            // Released by its holder.
        }
        catch (Exception e)
        {
            await LoseAsync(e);
        }
    }

    /// <summary>A question on the lock's own connection: it answers only while the session, and so the lock, lives.</summary>
    private async Task AskAsync(CancellationToken ct)
    {
        await _asking.WaitAsync(ct);
        try
        {
            await _connection.ExecuteAsync(new CommandDefinition("SELECT 1", commandTimeout: 10, cancellationToken: ct));
        }
        finally
        {
            _asking.Release();
        }
    }

    private async Task LoseAsync(Exception e)
    {
        if (!_lost.IsCancellationRequested)
        {
            _logger.LogWarning("Lost advisory lock {Key}: its connection dropped ({Reason})", _key, e.Message);
            await _lost.CancelAsync();
        }
    }
}
