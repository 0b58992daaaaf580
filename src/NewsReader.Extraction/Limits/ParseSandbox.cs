using System.Collections.Concurrent;

namespace NewsReader.Extraction.Limits;

/// <summary>
/// Runs one parse on a thread of its own kind, with a large stack and a deadline. Deep but finite recursion in a parser
/// or a library then has room; a parse past its wall time is cancelled (parsers check <see cref="ParseBudget"/>) and the
/// caller gets the refusal at once, even if the parse is stuck in code that never checks: it is left to finish on its
/// thread rather than hold up the files behind it. The threads are kept and reused: starting one per file (with its
/// large stack and cold per-thread caches) cost about a millisecond, a quarter of a typical page's parse.
/// </summary>
public static class ParseSandbox
{
    // Reserved address space, committed only as the stack grows: a parse recursing thousands deep fits.
    private const int StackBytes = 256 * 1024 * 1024;

    private static readonly int MaxIdleWorkers = Environment.ProcessorCount * 2;
    private static readonly ConcurrentBag<Worker> Idle = [];

    /// <summary>The parse's result, or <c>null</c> when it ran past the limit's wall time.</summary>
    public static async Task<T?> RunAsync<T>(Func<T> parse, ParseLimits limits, CancellationToken ct) where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var done = new TaskCompletionSource<T?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = deadline.Token;
        (Idle.TryTake(out var worker) ? worker : new Worker()).Run(() =>
        {
            ParseBudget.Enter(limits, token);
            try
            {
                done.TrySetResult(parse());
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested && !ct.IsCancellationRequested)
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
        });
        deadline.CancelAfter(limits.WallTime);
        await using (deadline.Token.Register(() => done.TrySetResult(null)))
        {
            var result = await done.Task;
            ct.ThrowIfCancellationRequested();
            return result;
        }
    }

    /// <summary>One parse thread: waits for work, runs it, and offers itself again (or ends when enough are idle).</summary>
    private sealed class Worker
    {
        private readonly SemaphoreSlim _ready = new(0);
        private Action? _work;

        public Worker() => new Thread(Loop, StackBytes) { IsBackground = true, Name = "parse" }.Start();

        public void Run(Action work)
        {
            _work = work;
            _ready.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _ready.Wait();
                var work = Interlocked.Exchange(ref _work, null);
                work?.Invoke(); // never throws: the work reports its own outcome

                if (Idle.Count >= MaxIdleWorkers)
                {
                    _ready.Dispose();
                    return;
                }

                Idle.Add(this);
            }
        }
    }
}
