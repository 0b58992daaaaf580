namespace NewsReader.Extraction;

/// <summary>The outcome of parsing one file: an article, or the reason it is not one.</summary>
public sealed record ParseResult(string Path, IArticleParser? Parser, ParsedArticle? Article, string? Error);

/// <summary>Picks the parser for a file by its name, reads files within the size limit, and never throws for bad input.</summary>
public sealed class ParserRegistry(IEnumerable<IArticleParser> parsers)
{
    private readonly IArticleParser[] _parsers = parsers.ToArray();

    public IArticleParser? For(string path) => _parsers.FirstOrDefault(p => p.CanParse(path));

    public async Task<ParseResult> ParseFileAsync(string path, long maxBytes, CancellationToken ct)
    {
        if (For(path) is null)
        {
            return Unsupported(path);
        }

        try
        {
            return Parse(path, await ReadAsync(path, maxBytes, ct));
        }
        catch (ArticleRejectedException e)
        {
            return new ParseResult(path, For(path), null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ParseResult(path, For(path), null, $"File cannot be read: {e.Message}");
        }
    }

    public ParseResult Parse(string path, byte[] bytes)
    {
        var parser = For(path);
        if (parser is null)
        {
            return Unsupported(path);
        }

        try
        {
            return new ParseResult(path, parser, parser.Parse(bytes, path), null);
        }
        catch (ArticleRejectedException e)
        {
            return new ParseResult(path, parser, null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A parser bug must not stop the other files; the reason names it so it can be reported.
            return new ParseResult(path, parser, null, $"Parser failed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <exception cref="ArticleRejectedException">The file is over the size limit.</exception>
    public static async Task<byte[]> ReadAsync(string path, long maxBytes, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: false);
        if (stream.Length > maxBytes)
        {
            throw new ArticleRejectedException($"File is {stream.Length:N0} bytes, over the {maxBytes:N0}-byte limit.");
        }

        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, ct);
        return bytes;
    }

    private static ParseResult Unsupported(string path) =>
        new(path, null, null, $"Unsupported file type '{Path.GetExtension(path)}': NewsReader reads .txt, .html, .htm and .md files.");
}
