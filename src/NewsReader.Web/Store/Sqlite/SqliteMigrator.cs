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
        // PRAGMA takes no parameters; the version is an int from our own list, not input.
        return await Migrator.ApplyPendingAsync(db, connection, SqliteMigrations.All, current,
            (m, tx) => new CommandDefinition($"PRAGMA user_version = {m.Version};", transaction: tx, cancellationToken: ct), logger, ct);
    }
}
