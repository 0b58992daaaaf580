using Microsoft.Data.Sqlite;
using NewsReader.Store;
using Npgsql;

namespace NewsReader.Tests.Infrastructure;

/// <summary>
/// The store the app-backed tests run on. SQLite (a file in the test's folder) unless <c>NEWSREADER_TEST_DATABASE=postgres</c>,
/// which gives each test app a fresh database on the PostgreSQL cluster named by <c>NEWSREADER_TEST_POSTGRES</c>.
/// tests/test.sh runs the store, search, corrections and admin tests a second time that way, on a throwaway cluster.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(IReadOnlyDictionary<string, string?> settings, string? postgresName, string? connectionString)
    {
        Settings = settings;
        _postgresName = postgresName;
        ConnectionString = connectionString;
    }

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("NEWSREADER_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The app settings that point it at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The PostgreSQL connection string of this database; null on SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>A new, empty database: a file under <paramref name="folder"/>, or a database of its own on the cluster.</summary>
    public static TestDatabase Create(string folder)
    {
        return IsPostgres
            ? CreatePostgres()
            : new TestDatabase(new Dictionary<string, string?> { ["NewsReader:DatabasePath"] = Path.Combine(folder, "newsreader.db") }, null, null);
    }

    /// <summary>A new, empty database on the test cluster, whichever provider the other tests run on.</summary>
    public static TestDatabase CreatePostgres()
    {
        var name = "nr_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(ClusterConnectionString()))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin); // a name we made, not input
            create.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ClusterConnectionString()) { Database = name }.ToString();
        return new TestDatabase(
            new Dictionary<string, string?>
            {
                ["NewsReader:Database:Provider"] = "Postgres",
                ["ConnectionStrings:NewsReader"] = connectionString,
            },
            name,
            connectionString);
    }

    /// <summary>The store itself, as the app opens it, for tests of one store class without the whole app.</summary>
    public Db OpenStore() =>
        ConnectionString is null ? new Db(Settings["NewsReader:DatabasePath"]!) : Db.ForPostgres(ConnectionString);

    public static string ClusterConnectionString() =>
        Environment.GetEnvironmentVariable("NEWSREADER_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "NEWSREADER_TEST_DATABASE=postgres, and the tests in NewsReader.Tests.Postgres, need NEWSREADER_TEST_POSTGRES, the connection string of a cluster the tests may create databases on. " +
                "tests/test.sh starts one with tests/postgres.sh.");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresName is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(ClusterConnectionString());
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
