namespace NewsReader.Ingestion;

/// <summary>
/// Only the node holding this lock (<see cref="Store.NodeLocks"/>) ingests: of web nodes sharing a PostgreSQL database,
/// the one whose seeds watcher took it first, and the <c>ingest</c> verb while it runs. Two nodes never write the same
/// files at once; when the holder dies, the next node to ask takes over.
/// </summary>
public static class IngesterLock
{
    /// <summary>Any constant unique to this app among the advisory locks taken on the database ("NRingest").</summary>
    public const long Key = 0x4E_52_69_6E_67_65_73_74;

    /// <summary>How often a node that does not hold the lock asks for it again.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);
}
