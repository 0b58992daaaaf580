namespace NewsReader.Extraction.Limits;

/// <summary>
/// The limits of the parse running on this thread. <see cref="ParseSandbox"/> sets it on the thread it parses on;
/// parsers read it in their loops (<see cref="Check"/>) and at nesting points (<see cref="MaxDepth"/>), so a file that
/// runs past its time stops where it is instead of burning a core after it was refused.
/// </summary>
public static class ParseBudget
{
    [ThreadStatic]
    private static CancellationToken _token;

    [ThreadStatic]
    private static ParseLimits? _limits;

    /// <summary>Nesting allowed to the current parse (the default limit outside a sandbox, as in unit tests).</summary>
    public static int MaxDepth => (_limits ?? Defaults).MaxDepth;

    private static readonly ParseLimits Defaults = new();

    /// <summary>The current parse's deadline, for libraries that take a token (AngleSharp's parser checks it as it reads).</summary>
    public static CancellationToken Token => _token;

    /// <exception cref="OperationCanceledException">The parse ran out of time or ingestion is stopping.</exception>
    public static void Check() => _token.ThrowIfCancellationRequested();

    internal static void Enter(ParseLimits limits, CancellationToken token)
    {
        _limits = limits;
        _token = token;
    }

    internal static void Leave()
    {
        _limits = null;
        _token = default;
    }
}
