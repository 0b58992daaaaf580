using NewsReader.Store.Postgres;
using NewsReader.Store.Sqlite;

namespace NewsReader.Store;

/// <summary>Brings the database up to the newest schema of its provider; each migration runs in its own transaction.</summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    /// <summary>Applies what is missing and returns the schema version the database is now at.</summary>
    public Task<int> MigrateAsync(CancellationToken ct = default) => db.Provider switch
    {
        DatabaseProvider.Postgres => PostgresMigrator.MigrateAsync(db, logger, ct),
        _ => SqliteMigrator.MigrateAsync(db, logger, ct),
    };

    internal static void CheckNotNewer(Db db, int current, int known)
    {
        if (current > known)
        {
            throw new InvalidOperationException($"Database {db.Description} has schema version {current}, newer than this app ({known}).");
        }
    }
}
