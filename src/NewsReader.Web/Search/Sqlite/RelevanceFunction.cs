using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using static NewsReader.Search.Sqlite.SqliteNative;

namespace NewsReader.Search.Sqlite;

/// <summary>
/// <c>relevance(index, frequencies, weight per column...)</c>: FTS5's bm25, weighted per column, lower is better, with one
/// difference. bm25 counts, on every query, every row that holds each phrase to learn how rare it is; for a phrase of two
/// common words that walk costs more than the rest of a search at 100,000 articles. Here the caller passes how common each
/// phrase is (the share of articles holding it, one double per phrase in expression order, estimated by
/// <see cref="PhraseFrequencies"/>), so a row's score costs only that row's own hits.
/// Registered once per SQLite connection through FTS5's C API, which Microsoft.Data.Sqlite does not wrap.
/// </summary>
internal static unsafe class RelevanceFunction
{
    public const string Name = "relevance";

    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int MaxColumns = 16;

    private static readonly ConditionalWeakTable<sqlite3, object> Registered = [];

    /// <summary>Makes <c>relevance()</c> callable on this connection; pooled connections keep it, so this is cheap after the first time.</summary>
    public static void EnsureRegistered(SqliteConnection connection)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (Registered.TryGetValue(handle, out _))
        {
            return;
        }

        Register(handle.DangerousGetHandle());
        Registered.AddOrUpdate(handle, Name);
    }

    private static void Register(IntPtr db)
    {
        if (!Environment.Is64BitProcess)
        {
            // The FTS5 structures are read by pointer-sized slots below.
            throw new PlatformNotSupportedException("Search ranking needs a 64-bit process.");
        }

        // FTS5 hands out its API through a pointer bound to "SELECT fts5(?1)" (see "Extending FTS5" in the SQLite docs).
        IntPtr api = IntPtr.Zero;
        fixed (byte* sql = "SELECT fts5(?1)\0"u8)
        fixed (byte* type = "fts5_api_ptr\0"u8)
        {
            Check(sqlite3_prepare_v2(db, sql, -1, out var statement, IntPtr.Zero), "prepare");
            try
            {
                Check(sqlite3_bind_pointer(statement, 1, &api, type, IntPtr.Zero), "bind");
                sqlite3_step(statement);
            }
            finally
            {
                sqlite3_finalize(statement);
            }
        }

        if (api == IntPtr.Zero)
        {
            throw new InvalidOperationException("This SQLite library has no FTS5.");
        }

        // struct fts5_api { int iVersion; xCreateTokenizer; xFindTokenizer; xCreateFunction; ... }
        var createFunction = (delegate* unmanaged[Cdecl]<IntPtr, byte*, IntPtr, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, int, IntPtr*, void>, IntPtr, int>)((IntPtr*)api)[3];
        fixed (byte* name = "relevance\0"u8)
        {
            Check(createFunction(api, name, IntPtr.Zero, &Score, IntPtr.Zero), "create function");
        }
    }

    private static void Check(int rc, string step)
    {
        if (rc != 0)
        {
            throw new InvalidOperationException($"Registering the FTS5 function {Name} failed at {step} (SQLite error {rc}).");
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Score(IntPtr extensionApi, IntPtr fts, IntPtr context, int argCount, IntPtr* args)
    {
        try
        {
            sqlite3_result_double(context, Score(new Fts5Row(extensionApi, fts), argCount, args));
        }
        catch (Exception e)
        {
            // Nothing may unwind into SQLite's C frames; the statement fails with the message instead.
            var message = System.Text.Encoding.UTF8.GetBytes($"{Name}: {e.Message}");
            fixed (byte* m = message)
            {
                sqlite3_result_error(context, m, message.Length);
            }

            // FTS5's own failure keeps its code: an interrupt (the search budget stopping the statement) must reach the
            // caller as SQLITE_INTERRUPT, not as a generic error, or a stopped search reads as a fault.
            if (e is Fts5Exception fts5)
            {
                sqlite3_result_error_code(context, fts5.Code);
            }
        }
    }

    private static double Score(Fts5Row row, int argCount, IntPtr* args)
    {
        if (argCount < 1)
        {
            throw new ArgumentException("expects the phrase frequencies, then a weight per column");
        }

        var columns = Math.Min(row.ColumnCount, MaxColumns);
        var weights = stackalloc double[columns];
        for (var c = 0; c < columns; c++)
        {
            weights[c] = c + 1 < argCount ? sqlite3_value_double(args[c + 1]) : 1.0;
        }

        var phrases = row.PhraseCount;
        Span<double> hits = phrases <= 64 ? stackalloc double[phrases] : new double[phrases];
        var instances = row.InstanceCount;
        for (var i = 0; i < instances; i++)
        {
            var (phrase, column) = row.Instance(i);
            if (column < columns)
            {
                hits[phrase] += weights[column];
            }
        }

        var frequencies = (double*)sqlite3_value_blob(args[0]);
        var known = frequencies is null ? 0 : sqlite3_value_bytes(args[0]) / sizeof(double);
        var rows = Math.Max(1, row.RowCount);
        var lengthRatio = row.Length / Math.Max(1.0, (double)row.TotalLength / rows);
        var score = 0.0;
        for (var p = 0; p < phrases; p++)
        {
            if (hits[p] == 0)
            {
                continue;
            }

            // bm25's idf, floored as FTS5 floors it, from the share of articles the caller estimated.
            var holding = (p < known ? Math.Clamp(frequencies[p], 0, 1) : 0.5) * rows;
            var idf = Math.Max(1e-6, Math.Log((rows - holding + 0.5) / (holding + 0.5)));
            score += idf * hits[p] * (K1 + 1) / (hits[p] + K1 * (1 - B + B * lengthRatio));
        }

        return -score;
    }

    /// <summary>The current row as FTS5's extension API (struct Fts5ExtensionApi in fts5.h) describes it; slots are pointer-sized.</summary>
    private readonly struct Fts5Row(IntPtr api, IntPtr fts)
    {
        private IntPtr Slot(int index) => ((IntPtr*)api)[index];

        public int ColumnCount => ((delegate* unmanaged[Cdecl]<IntPtr, int>)Slot(2))(fts);

        public long RowCount
        {
            get
            {
                long n;
                Check(((delegate* unmanaged[Cdecl]<IntPtr, long*, int>)Slot(3))(fts, &n));
                return n;
            }
        }

        /// <summary>Tokens in every row and column together.</summary>
        public long TotalLength
        {
            get
            {
                long n;
                Check(((delegate* unmanaged[Cdecl]<IntPtr, int, long*, int>)Slot(4))(fts, -1, &n));
                return n;
            }
        }

        public int PhraseCount => ((delegate* unmanaged[Cdecl]<IntPtr, int>)Slot(6))(fts);

        public int InstanceCount
        {
            get
            {
                int n;
                Check(((delegate* unmanaged[Cdecl]<IntPtr, int*, int>)Slot(8))(fts, &n));
                return n;
            }
        }

        public (int Phrase, int Column) Instance(int index)
        {
            int phrase, column, offset;
            Check(((delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int*, int>)Slot(9))(fts, index, &phrase, &column, &offset));
            return (phrase, column);
        }

        /// <summary>Tokens in this row, all columns.</summary>
        public int Length
        {
            get
            {
                int n;
                Check(((delegate* unmanaged[Cdecl]<IntPtr, int, int*, int>)Slot(12))(fts, -1, &n));
                return n;
            }
        }

        private static void Check(int rc)
        {
            if (rc != 0)
            {
                throw new Fts5Exception(rc);
            }
        }
    }
}

/// <summary>An FTS5 API call failed with this SQLite result code.</summary>
internal sealed class Fts5Exception(int code) : Exception($"FTS5 returned error {code}")
{
    public int Code { get; } = code;
}
