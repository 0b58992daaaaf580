using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace NewsReader.Store;

/// <summary>Opens connections to the app's SQLite file with the pragmas every connection needs.</summary>
public sealed class Db
{
    private readonly string _connectionString;

    public Db(IOptions<NewsReaderOptions> options)
        : this(options.Value.DatabasePath)
    {
    }

    public Db(string databasePath)
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

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        // busy_timeout lets a reader or a second writer wait out the ingestion writer instead of failing with SQLITE_BUSY.
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        await cmd.ExecuteNonQueryAsync(ct);
        return connection;
    }
}
