using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;

namespace NewsReader.Store;

/// <summary>
/// Tells the other nodes sharing the database that something changed, and runs this node's handlers when one of them
/// says so. On PostgreSQL a signal is a <c>NOTIFY</c> that <see cref="Postgres.PostgresListener"/> hears on every node;
/// on SQLite one process serves the file, so there is no one to tell and nothing is sent.
/// </summary>
public sealed class NodeSignals(Db db, ILogger<NodeSignals> logger)
{
    /// <summary>The one PostgreSQL channel; the payload says what changed and which node said it.</summary>
    public const string Channel = "newsreader";

    private const string NotifySql = "SELECT pg_notify(@channel, @payload)";

    private readonly ConcurrentDictionary<string, Action<string?>> _handlers = new(StringComparer.Ordinal);

    /// <summary>Names this process among the nodes, in signals and logs.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// Runs <paramref name="handler"/> whenever another node signals <paramref name="topic"/> (one handler per topic), with
    /// the argument it was sent with (null when there was none, or when signals may have been missed).
    /// </summary>
    public void On(string topic, Action<string?> handler) => _handlers[topic] = handler;

    /// <summary>
    /// Tells the other nodes, after the change is committed. A failure is logged, not thrown: the change itself is made,
    /// and the other nodes' cached copies still expire on their own.
    /// </summary>
    public async Task SendAsync(string topic, string? argument = null, CancellationToken ct = default)
    {
        if (db.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        try
        {
            await using var c = await db.OpenAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(NotifySql, new { channel = Channel, payload = argument is null ? $"{topic} {NodeId}" : $"{topic} {NodeId} {argument}" }, cancellationToken: ct));
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            logger.LogError(e, "Could not tell the other nodes about {Topic}", topic);
        }
    }

    /// <summary>A notification heard on the channel ("topic node [argument]"): its topic's handler runs unless this node sent it.</summary>
    internal void Receive(string payload)
    {
        var parts = payload.Split(' ', 3);
        if (parts.Length < 2 || parts[1] == NodeId || !_handlers.TryGetValue(parts[0], out var handler))
        {
            return;
        }

        Run(parts[0], handler, parts.Length > 2 ? parts[2] : null);
    }

    /// <summary>The listener was deaf for a while (its connection dropped): anything may have changed, so every handler runs.</summary>
    internal void ReceiveMissed()
    {
        foreach (var (topic, handler) in _handlers)
        {
            Run(topic, handler, null);
        }
    }

    private void Run(string topic, Action<string?> handler, string? argument)
    {
        try
        {
            handler(argument);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling the signal {Topic} failed", topic);
        }
    }
}
