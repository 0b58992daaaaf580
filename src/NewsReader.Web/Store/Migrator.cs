using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsReader.Store;

/// <summary>Brings the database up to the newest schema; each migration runs in its own transaction.</summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // WAL lets readers (the pages) keep reading while ingestion writes.
        await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        var current = await connection.ExecuteScalarAsync<int>("PRAGMA user_version;");
        if (current > Migrations.All.Count)
        {
            throw new InvalidOperationException(
                $"Database {db.DatabasePath} has schema version {current}, newer than this app ({Migrations.All.Count}).");
        }

        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            await ApplyAsync(connection, migration, ct);
            logger.LogInformation("Applied migration {Version}: {Name}", migration.Version, migration.Name);
        }

        return Migrations.All.Count;
    }

    private static async Task ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
        // PRAGMA takes no parameters; the version is an int from our own list, not input.
        await connection.ExecuteAsync(new CommandDefinition($"PRAGMA user_version = {migration.Version};", transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }
}
