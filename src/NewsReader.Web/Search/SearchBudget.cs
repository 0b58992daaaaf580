namespace NewsReader.Search;

/// <summary>
/// Runs one search under <see cref="SearchOptions.TimeBudget"/>, linked to the request so a client that leaves cancels
/// the work too. The database stops a running statement on cancel (<see cref="ISearchIndex.StopOnCancel"/>).
/// </summary>
internal static class SearchBudget
{
    /// <summary>
    /// Runs <paramref name="search"/>; when the budget (not the client) cancelled it, throws
    /// <see cref="SearchOverBudgetException"/>, whether the work stopped with a cancellation or with the database's own
    /// report of a stopped statement (<paramref name="isStopped"/>).
    /// </summary>
    public static async Task<T> RunAsync<T>(TimeSpan budget, Func<SearchDeadline, Task<T>> search, CancellationToken ct, Func<Exception, bool>? isStopped = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(budget);
        try
        {
            return await search(new SearchDeadline(cts, budget));
        }
        catch (Exception e) when (cts.IsCancellationRequested && !ct.IsCancellationRequested
                                  && Chain(e).Any(x => x is OperationCanceledException || isStopped?.Invoke(x) == true))
        {
            throw new SearchOverBudgetException(budget, e);
        }
    }

    // A driver may wrap the cancellation it met (Npgsql's "Exception while connecting" around an OperationCanceledException
    // when the budget runs out while a connection is being opened): the stop is anywhere in the chain.
    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
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
