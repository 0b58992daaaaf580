using Dapper;
using Npgsql;

namespace NewsReader.Store.Postgres;

/// <summary>
/// Every node listens on <see cref="NodeSignals.Channel"/> on a connection of its own and hands what it hears to
/// <see cref="NodeSignals"/>. When that connection drops (a database restart, a network cut) it reconnects, waiting
/// longer after each failure, and then runs every handler, since signals sent while it was away are lost.
/// Does nothing on SQLite.
/// </summary>
internal sealed class PostgresListener(Db db, NodeSignals signals, ILogger<PostgresListener> logger) : BackgroundService
{
    /// <summary>A silent connection is asked a question this often, so one that has died is noticed.</summary>
    private static readonly TimeSpan Ping = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var retry = FirstRetry;
        var deaf = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await db.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => signals.Receive(e.Payload);
                // The channel is our constant, not input; LISTEN takes no parameters.
                await connection.ExecuteAsync(new CommandDefinition($"LISTEN {NodeSignals.Channel}", cancellationToken: stoppingToken));
                if (deaf)
                {
                    logger.LogInformation("Listening to the other nodes again; dropping what may have changed meanwhile");
                    signals.ReceiveMissed();
                }

                deaf = false;
                retry = FirstRetry;
                while (true)
                {
                    if (!await connection.WaitAsync(Ping, stoppingToken))
                    {
                        await connection.ExecuteAsync(new CommandDefinition("SELECT 1", commandTimeout: (int)Ping.TotalSeconds, cancellationToken: stoppingToken));
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                deaf = true;
                logger.LogWarning(e, "Not hearing the other nodes (node {Node}); trying again in {Retry}", signals.NodeId, retry);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(LastRetry.Ticks, retry.Ticks * 2));
            }
        }
    }
}
