using System.Data.Common;
using Npgsql;

namespace NewsReader.Store.Postgres;

/// <summary>
/// Connections from one Npgsql data source (its pool) for a PostgreSQL connection string. Statements are prepared on
/// the connections that write (<c>prepare</c>), not on those that read for requests: a reader who leaves, or
/// a search stopped by its time budget, cancels a statement, and after a cancelled statement Npgsql 10.0.3 could fail
/// the next one on that pooled connection ("Received unexpected backend message DataRow") when statements were
/// prepared automatically; unprepared, hundreds of stopped searches in a row never did (Search/BudgetStopTests).
/// </summary>
internal sealed class PostgresConnections : IConnectionSource
{
    private readonly NpgsqlDataSource _source;

    public PostgresConnections(string connectionString, bool prepare)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (prepare && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            // The stores run the same few dozen statements over and over; prepared once per connection, the server stops
            // parsing and planning them each time (ingestion of 2,000 articles: 21 s unprepared, 11 s prepared).
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        Description = $"PostgreSQL database {builder.Database} on {builder.Host}";
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string Description { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
