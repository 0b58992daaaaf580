using System.Data.Common;
using Npgsql;

namespace NewsReader.Store.Postgres;

/// <summary>
/// Connections from one Npgsql data source (its pool) for a PostgreSQL connection string, set up for what the pool is
/// for (<see cref="PostgresPool"/>): whether statements are prepared, and how they are planned.
/// </summary>
internal sealed class PostgresConnections : IConnectionSource
{
    private readonly NpgsqlDataSource _source;

    public PostgresConnections(string connectionString, PostgresPool pool)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // JIT compiles a statement whose estimated cost passes jit_above_cost, 20–30 ms of compiling for statements that
        // run in a millisecond (a search's generic plan is estimated at 130,000).
        var options = new List<string> { "-c jit=off" };
        if (pool != PostgresPool.Reading && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            // The stores run the same few dozen statements over and over; prepared once per connection, the server stops
            // parsing them each time (ingestion of 2,000 articles: 21 s unprepared, 11 s prepared).
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (pool == PostgresPool.Search)
        {
            // A search's statements change with the query's shape, never with its words, so one plan per shape serves
            // every query: planned for each query's values, its words' statement alone took 0.4 ms of planning.
            options.Add("-c plan_cache_mode=force_generic_plan");
            // A search changes no setting past its own transaction, so there is nothing to reset between searches.
            builder.NoResetOnClose = true;
        }

        builder.Options = string.Join(' ', options.Prepend(builder.Options ?? "").Where(o => o.Length > 0));
        Description = $"PostgreSQL database {builder.Database} on {builder.Host}";
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string Description { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    // Npgsql closes a pool's busy connections when they come back, and its idle ones at once.
    public void Discard(DbConnection c) => NpgsqlConnection.ClearPool((NpgsqlConnection)c);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}

/// <summary>What a pool's connections are for.</summary>
internal enum PostgresPool
{
    /// <summary>Writes, and reads that must see them: statements prepared.</summary>
    Primary,

    /// <summary>
    /// Reading pages, feeds and the API: statements not prepared. A reader who leaves cancels a statement, and after a
    /// cancelled statement Npgsql 10.0.3 could fail the next one on that pooled connection ("Received unexpected backend
    /// message DataRow") when statements were prepared automatically; unprepared, hundreds of stopped searches in a row
    /// never did (Search/BudgetStopTests).
    /// </summary>
    Reading,

    /// <summary>
    /// Search: statements prepared with one generic plan each. The fault above happens here, in about one search in a
    /// thousand stopped part-way: that search counts as stopped, and discards its connection
    /// (<see cref="Db.DiscardAfterCancel"/>), so the fault cannot reach the next one.
    /// </summary>
    Search,
}
