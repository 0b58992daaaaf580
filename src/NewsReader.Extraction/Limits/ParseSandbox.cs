namespace NewsReader.Extraction.Limits;

/// <summary>
/// Runs one parse on a thread of its own, with a large stack and a deadline. Deep but finite recursion in a parser or a
/// library then has room; a parse past its wall time is cancelled (parsers check <see cref="ParseBudget"/>) and the
/// caller gets the refusal at once, even if the parse is stuck in code that never checks: it is left to finish on its
/// own background thread rather than hold up the files behind it.
/// </summary>
public static class ParseSandbox
{
    // Reserved address space, committed only as the stack grows: a parse recursing thousands deep fits.
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>The parse's result, or <c>null</c> when it ran past the limit's wall time.</summary>
    public static async Task<T?> RunAsync<T>(Func<T> parse, ParseLimits limits, CancellationToken ct) where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var done = new TaskCompletionSource<T?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            ParseBudget.Enter(limits, deadline.Token);
            try
            {
                done.TrySetResult(parse());
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                done.TrySetResult(null);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
            finally
            {
                ParseBudget.Leave();
            }
        }, StackBytes)
        { IsBackground = true, Name = "parse" };
        thread.Start();
        deadline.CancelAfter(limits.WallTime);
        await using (deadline.Token.Register(() => done.TrySetResult(null)))
        {
            var result = await done.Task;
            ct.ThrowIfCancellationRequested();
            return result;
        }
    }
}
