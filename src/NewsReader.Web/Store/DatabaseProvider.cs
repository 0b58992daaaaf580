namespace NewsReader.Store;

/// <summary>Which store the app runs on: one SQLite file (the default) or a PostgreSQL database shared by several nodes.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The "NewsReader:Database" settings; the PostgreSQL connection strings are <c>ConnectionStrings:NewsReader</c> and <c>NewsReaderReadOnly</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

/// <summary>One step of a provider's schema, numbered from 1 in the order it is applied.</summary>
public sealed record Migration(int Version, string Name, string Sql);
