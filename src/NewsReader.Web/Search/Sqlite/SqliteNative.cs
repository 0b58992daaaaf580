using System.Runtime.InteropServices;

namespace NewsReader.Search.Sqlite;

/// <summary>
/// The few SQLite C functions Microsoft.Data.Sqlite does not expose, called in the very library it loaded, for
/// registering <see cref="RelevanceFunction"/> with FTS5 and answering from it.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library)]
    public static partial int sqlite3_prepare_v2(IntPtr db, byte* sql, int bytes, out IntPtr statement, IntPtr tail);

    [LibraryImport(Library)]
    public static partial int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [LibraryImport(Library)]
    public static partial int sqlite3_step(IntPtr statement);

    [LibraryImport(Library)]
    public static partial int sqlite3_finalize(IntPtr statement);

    [LibraryImport(Library)]
    public static partial void sqlite3_result_double(IntPtr context, double value);

    [LibraryImport(Library)]
    public static partial void sqlite3_result_error(IntPtr context, byte* message, int bytes);

    [LibraryImport(Library)]
    public static partial void sqlite3_result_error_code(IntPtr context, int code);

    [LibraryImport(Library)]
    public static partial void* sqlite3_value_blob(IntPtr value);

    [LibraryImport(Library)]
    public static partial int sqlite3_value_bytes(IntPtr value);

    [LibraryImport(Library)]
    public static partial double sqlite3_value_double(IntPtr value);
}
