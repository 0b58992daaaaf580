namespace NewsReader.Corrections;

/// <summary>The outcome of a write: the new row's id, or the problems that stopped it.</summary>
public sealed record WriteResult(long? Id, IReadOnlyList<string> Problems)
{
    public static WriteResult Fail(params string[] problems) => new(null, problems);

    public bool Ok => Problems.Count == 0;
}
