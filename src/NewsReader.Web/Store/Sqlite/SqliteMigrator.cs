using Dapper;

namespace NewsReader.Store.Sqlite;

/// <summary>SQLite keeps the schema version in <c>PRAGMA user_version</c>; one process owns the file, so no lock is needed.</summary>
internal static class SqliteMigrator
{
    public static async Task<int> MigrateAsync(Db db, ILogger logger, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        // WAL lets readers (the pages) keep reading while ingestion writes.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        var current = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;");
        Migrator.CheckNotNewer(db, current, SqliteMigrations.All.Count);
        foreach (var migration in SqliteMigrations.All.Where(m => m.Version > current))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
            // PRAGMA takes no parameters; the version is an int from our own list, not input.
            await connection.ExecuteAsync(new CommandDefinition($"PRAGMA user_version = {migration.Version};", transaction: tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            logger.LogInformation("Applied migration {Version}: {Name}", migration.Version, migration.Name);
        }

        return SqliteMigrations.All.Count;
    }
}
