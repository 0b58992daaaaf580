using System.Data.Common;
using Dapper;
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

    /// <summary>
    /// Applies the migrations after <paramref name="current"/>, each with the statement that records its version, in one
    /// transaction; refuses a database whose schema is newer than this app's.
    /// </summary>
    internal static async Task<int> ApplyPendingAsync(
        Db db, DbConnection c, IReadOnlyList<Migration> all, int current, Func<Migration, DbTransaction, CommandDefinition> recordVersion, ILogger logger, CancellationToken ct)
    {
        if (current > all.Count)
        {
            throw new InvalidOperationException($"Database {db.Description} has schema version {current}, newer than this app ({all.Count}).");
        }

        foreach (var migration in all.Where(m => m.Version > current))
        {
            // No time limit: a migration that rebuilds an index over a large store takes minutes, and stopping it at the
            // driver's default 30 s left the database unable to start the app.
            await using var tx = await c.BeginTransactionAsync(ct);
            await c.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, commandTimeout: 0, cancellationToken: ct));
            await c.ExecuteAsync(recordVersion(migration, tx));
            await tx.CommitAsync(ct);
            logger.LogInformation("Applied migration {Version}: {Name}", migration.Version, migration.Name);
        }

        return all.Count;
    }
}
