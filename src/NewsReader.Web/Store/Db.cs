using System.Data.Common;
using Microsoft.Extensions.Options;
using NewsReader.Store.Postgres;
using NewsReader.Store.Sqlite;

namespace NewsReader.Store;

/// <summary>
/// Opens connections to the app's store: a SQLite file, or a PostgreSQL database (with an optional read replica that the
/// reading pages use). Everything above this class speaks ADO.NET and Dapper and does not learn which one it is.
/// </summary>
public sealed class Db : IAsyncDisposable, IDisposable
{
    private readonly IConnectionSource _primary;
    private readonly IConnectionSource _readOnly;
    private readonly IConnectionSource _search;

    public Db(IOptions<NewsReaderOptions> options, IConfiguration configuration)
        : this(Sources(options.Value, configuration))
    {
    }

    /// <summary>A SQLite file, created with its folder when missing.</summary>
    public Db(string databasePath)
        : this((new SqliteConnections(databasePath), null, null, false))
    {
    }

    private Db((IConnectionSource Primary, IConnectionSource? ReadOnly, IConnectionSource? Search, bool HasReplica) sources)
    {
        _primary = sources.Primary;
        _readOnly = sources.ReadOnly ?? sources.Primary;
        _search = sources.Search ?? _readOnly;
        HasReplica = sources.HasReplica;
        Dialect = new SqlDialect(Provider);
    }

    /// <summary>
    /// A PostgreSQL database; <paramref name="readOnlyConnectionString"/> names a replica for reading, when there is one.
    /// Reading and search have pools of their own either way (<see cref="PostgresPool"/> says why).
    /// </summary>
    public static Db ForPostgres(string connectionString, string? readOnlyConnectionString = null) =>
        new(PostgresSources(connectionString, readOnlyConnectionString));

    private static (IConnectionSource, IConnectionSource?, IConnectionSource?, bool) PostgresSources(string connectionString, string? readOnlyConnectionString)
    {
        var replica = !string.IsNullOrWhiteSpace(readOnlyConnectionString);
        var reading = replica ? readOnlyConnectionString! : connectionString;
        return (new PostgresConnections(connectionString, PostgresPool.Primary),
                new PostgresConnections(reading, PostgresPool.Reading),
                new PostgresConnections(reading, PostgresPool.Search), replica);
    }

    public DatabaseProvider Provider => _primary.Provider;

    /// <summary>True when reading goes to a replica rather than to the primary.</summary>
    public bool HasReplica { get; }

    /// <summary>The spellings that differ between the providers.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The SQLite file's full path; empty on PostgreSQL.</summary>
    public string DatabasePath => (_primary as SqliteConnections)?.DatabasePath ?? "";

    /// <summary>Names the store in messages, without any password.</summary>
    public string Description => _primary.Description;

    /// <summary>A connection to the primary: every write, and reads that must see the writes just made.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken ct = default) => _primary.OpenAsync(ct);

    /// <summary>A connection for reading pages, feeds, the API and search: the replica when one is configured.</summary>
    public Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct = default) => _readOnly.OpenAsync(ct);

    /// <summary>
    /// A reading connection for search, which runs a few statement shapes over and over: on PostgreSQL from a pool that
    /// prepares them (<see cref="PostgresPool.Search"/>). A search whose token was cancelled must
    /// <see cref="DiscardAfterCancel"/> its connection.
    /// </summary>
    public Task<DbConnection> OpenSearchAsync(CancellationToken ct = default) => _search.OpenAsync(ct);

    /// <summary>
    /// Keeps a search connection that a cancelled statement may have left out of step from serving again (on PostgreSQL
    /// the pool is cleared: its connections close as they come back); nothing on SQLite.
    /// </summary>
    public void DiscardAfterCancel(DbConnection c) => _search.Discard(c);

    public async ValueTask DisposeAsync()
    {
        await _primary.DisposeAsync();
        if (!ReferenceEquals(_readOnly, _primary))
        {
            await _readOnly.DisposeAsync();
        }

        if (!ReferenceEquals(_search, _readOnly))
        {
            await _search.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static (IConnectionSource, IConnectionSource?, IConnectionSource?, bool) Sources(NewsReaderOptions options, IConfiguration configuration)
    {
        if (options.Database.Provider == DatabaseProvider.Sqlite)
        {
            return (new SqliteConnections(options.DatabasePath), null, null, false);
        }

        var primary = configuration.GetConnectionString("NewsReader");
        if (string.IsNullOrWhiteSpace(primary))
        {
            throw new InvalidOperationException(
                "NewsReader:Database:Provider is Postgres but ConnectionStrings:NewsReader is not set. " +
                "Set it, for example ConnectionStrings__NewsReader=\"Host=db.internal;Database=newsreader;Username=newsreader\".");
        }

        return PostgresSources(primary, configuration.GetConnectionString("NewsReaderReadOnly"));
    }
}

/// <summary>Where a provider's connections come from, opened and ready for the app's SQL.</summary>
internal interface IConnectionSource : IAsyncDisposable
{
    DatabaseProvider Provider { get; }

    string Description { get; }

    Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Keeps a connection a cancelled statement may have left out of step from being handed out again.</summary>
    void Discard(DbConnection c);
}
