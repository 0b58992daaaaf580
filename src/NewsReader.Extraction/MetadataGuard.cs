namespace NewsReader.Extraction;

/// <summary>
/// Reads one metadata field so that a bug in reading it costs that field only: the article's text and its other fields
/// are kept, and a warning names the field that was left out.
/// </summary>
public static class MetadataGuard
{
    public static T Read<T>(string field, List<string> warnings, Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException or InsufficientExecutionStackException))
        {
            warnings.Add($"The {field} could not be read ({e.GetType().Name}: {e.Message}); it is left out.");
            return fallback;
        }
    }
}
