using Dapper;

namespace NewsReader.Store.Postgres;

/// <summary>
/// Applies <see cref="PostgresMigrations"/> under a session advisory lock, so nodes that start together migrate once: the
/// first takes the lock and migrates, the others wait for it and then find nothing left to do.
/// </summary>
internal static class PostgresMigrator
{
    /// <summary>Any constant unique to this app among the advisory locks taken on the database ("NRmigrat").</summary>
    private const long MigrationLock = 0x4E_52_6D_69_67_72_61_74;

    private const string VersionTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
        )
        """;

    public static async Task<int> MigrateAsync(Db db, ILogger logger, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = MigrationLock }, cancellationToken: ct));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(VersionTableSql, cancellationToken: ct));
            var current = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken: ct));
            Migrator.CheckNotNewer(db, current, PostgresMigrations.All.Count);
            foreach (var migration in PostgresMigrations.All.Where(m => m.Version > current))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)", new { migration.Version, migration.Name }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Version}: {Name}", migration.Version, migration.Name);
            }

            return PostgresMigrations.All.Count;
        }
        finally
        {
            // The connection goes back to the pool still open, and a session lock would go with it.
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = MigrationLock });
        }
    }
}
