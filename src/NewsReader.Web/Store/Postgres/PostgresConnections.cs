using System.Data.Common;
using Npgsql;

namespace NewsReader.Store.Postgres;

/// <summary>Connections from one Npgsql data source (its pool) for a PostgreSQL connection string.</summary>
internal sealed class PostgresConnections(string connectionString) : IConnectionSource
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL database {builder.Database} on {builder.Host}";
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct) => await _source.OpenConnectionAsync(ct);

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
