namespace NewsReader.Store;

/// <summary>
/// The few spellings that differ between the providers, for SQL otherwise written once. SQLite's planner sometimes needs
/// to be told which index to read (docs/benchmarks.md has the cases); PostgreSQL's takes no hints and needs none there.
/// </summary>
public sealed class SqlDialect(DatabaseProvider provider)
{
    /// <summary>After a table name: read it through this index.</summary>
    public string IndexedBy(string index) => provider == DatabaseProvider.Sqlite ? $"INDEXED BY {index}" : "";

    /// <summary>
    /// <paramref name="column"/> is one of the list parameter's values. Dapper expands <c>IN @list</c> into one parameter
    /// per value on SQLite, and hands Npgsql the whole list as one array, which PostgreSQL compares with <c>= ANY</c>.
    /// </summary>
    public string InList(string column, string parameter) =>
        provider == DatabaseProvider.Sqlite ? $"{column} IN {parameter}" : $"{column} = ANY({parameter})";

    /// <summary>
    /// At the end of a SELECT in a transaction that will update the rows it reads: PostgreSQL locks them against other
    /// nodes; SQLite's write transaction (BEGIN IMMEDIATE) already holds the whole file.
    /// </summary>
    public string ForUpdate => provider == DatabaseProvider.Sqlite ? "" : "FOR UPDATE";

    /// <summary>After a table name: read it in table order, through no index.</summary>
    public string NotIndexed => provider == DatabaseProvider.Sqlite ? "NOT INDEXED" : "";
}
