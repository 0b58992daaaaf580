using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace NewsReader.Store.Sqlite;

/// <summary>Connections to the app's SQLite file with the pragmas every connection needs.</summary>
internal sealed class SqliteConnections : IConnectionSource
{
    private readonly string _connectionString;

    public SqliteConnections(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DatabasePath { get; }

    public string Description => DatabasePath;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        // busy_timeout lets a reader or a second writer wait out the ingestion writer instead of failing with SQLITE_BUSY.
        // cache_size 8 MiB (SQLite's default is 2): with 2 MiB a search evicted the index pages the next search needed and ran
        // 3–6 times slower at 100,000 articles. Memory-mapping the file did as well for search but counted every page a
        // reader ever touched into the process's resident memory (436 MB under load instead of 173); docs/benchmarks.md.
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8192;";
        await cmd.ExecuteNonQueryAsync(ct);
        return connection;
    }

    // Microsoft.Data.Sqlite leaves a connection in step after a cancelled statement.
    public void Discard(DbConnection c)
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
