using Microsoft.Data.Sqlite;

namespace NewsReader.Search;

/// <summary>
/// Runs one search under <see cref="SearchOptions.TimeBudget"/>, linked to the request so a client that leaves cancels
/// the work too. Microsoft.Data.Sqlite runs statements synchronously and checks the token only before them, so the
/// search's connection is handed to <see cref="InterruptOnCancel"/>: cancelling then stops a running statement.
/// </summary>
internal static class SearchBudget
{
    private const int SqliteInterrupt = 9;

    /// <summary>
    /// Calls <c>sqlite3_interrupt</c> on the connection when the token is cancelled. Dispose the registration before the
    /// connection goes back to the pool, or a late cancel could interrupt the next user's statement.
    /// </summary>
    public static CancellationTokenRegistration InterruptOnCancel(SqliteConnection c, CancellationToken ct) =>
        ct.Register(static state => SQLitePCL.raw.sqlite3_interrupt(((SqliteConnection)state!).Handle), c);

    public static async Task<T> RunAsync<T>(TimeSpan budget, Func<SearchDeadline, Task<T>> search, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(budget);
        try
        {
            return await search(new SearchDeadline(cts, budget));
        }
        catch (Exception e) when (cts.IsCancellationRequested && !ct.IsCancellationRequested
                                  && e is OperationCanceledException or SqliteException { SqliteErrorCode: SqliteInterrupt })
        {
            throw new SearchOverBudgetException(budget, e);
        }
    }
}

/// <summary>
/// The token a search runs under, and a check between its stages: the timer behind the token may fire late on a busy
/// machine, the clock read by <see cref="Check"/> does not, so no stage starts once the budget is spent.
/// </summary>
public sealed class SearchDeadline(CancellationTokenSource cts, TimeSpan budget)
{
    private readonly long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    public CancellationToken Token => cts.Token;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the budget is spent or the client has left.</summary>
    public void Check()
    {
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_started) > budget)
        {
            cts.Cancel();
        }

        cts.Token.ThrowIfCancellationRequested();
    }
}

/// <summary>A search ran past its time budget and was stopped.</summary>
public sealed class SearchOverBudgetException(TimeSpan budget, Exception inner)
    : Exception($"The search ran past its budget of {budget.TotalSeconds:0.###} s and was stopped.", inner);
