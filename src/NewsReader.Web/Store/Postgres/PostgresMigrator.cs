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
        await using var lease = await PostgresSessionLock.TakeAsync(db, MigrationLock, logger, ct);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(VersionTableSql, cancellationToken: ct));
        var current = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", cancellationToken: ct));
        return await Migrator.ApplyPendingAsync(db, connection, PostgresMigrations.All, current,
            (m, tx) => new CommandDefinition("INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)", new { m.Version, m.Name }, tx, cancellationToken: ct),
            logger, ct);
    }
}
