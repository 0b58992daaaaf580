using Microsoft.Win32.SafeHandles;
using NewsReader.Extraction.Limits;

namespace NewsReader.Extraction;

/// <summary>The outcome of parsing one file: an article, or the reason it is not one.</summary>
public sealed record ParseResult(string Path, IArticleParser? Parser, ParsedArticle? Article, string? Error);

/// <summary>
/// Picks the parser for a file by its name, reads files within the size limit, parses each under the limits of
/// <see cref="ParseLimits"/> (<see cref="ParseSandbox"/>), and never throws for bad input.
/// </summary>
/// <remarks>Without limits given (tools, unit tests) a parse has no wall time; the app passes its settings.</remarks>
public sealed class ParserRegistry(IEnumerable<IArticleParser> parsers, ParseLimits? limits = null)
{
    private readonly IArticleParser[] _parsers = parsers.ToArray();

    private readonly ParseLimits _limits = (limits ?? new ParseLimits { WallTime = Timeout.InfiniteTimeSpan }).Sane();

    public ParseLimits Limits => _limits;

    public IArticleParser? For(string path) => _parsers.FirstOrDefault(p => p.CanParse(path));

    public async Task<ParseResult> ParseFileAsync(string path, long maxBytes, CancellationToken ct)
    {
        if (For(path) is null)
        {
            return Unsupported(path);
        }

        try
        {
            return await ParseAsync(path, await ReadAsync(path, maxBytes, ct), ct);
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

    /// <summary>Parses on the calling thread's behalf under the limits; for callers that cannot await (tests, tools).</summary>
    public ParseResult Parse(string path, byte[] bytes) => ParseAsync(path, bytes, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<ParseResult> ParseAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var parser = For(path);
        if (parser is null)
        {
            return Unsupported(path);
        }

        if (ShapeGuard.Check(path, bytes, _limits) is { } refused)
        {
            return new ParseResult(path, parser, null, refused);
        }

        try
        {
            // The images beside the page are listed under the same limits as the parse: it reads the body's Markdown again.
            var article = await ParseSandbox.RunAsync(() => WithImages(parser.Parse(bytes, path), path), _limits, ct);
            if (article is null)
            {
                return new ParseResult(path, parser, null, $"Parsing took longer than the {_limits.WallTime.TotalSeconds:0.#}-second limit; the file was refused.");
            }

            return OverOutputLimit(article) is { } reason ? new ParseResult(path, parser, null, reason) : new ParseResult(path, parser, ArticleLimits.Apply(article, _limits), null);
        }
        catch (ArticleRejectedException e)
        {
            return new ParseResult(path, parser, null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A parser bug must not stop the other files; the reason names it so it can be reported.
            return new ParseResult(path, parser, null, $"Parser failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static ParsedArticle WithImages(ParsedArticle article, string path) =>
        article with { Images = ImageReferences.Find(article.BodyMarkdown, path) };

    private string? OverOutputLimit(ParsedArticle article)
    {
        long plain = 0;
        foreach (var block in article.Body)
        {
            plain += block.Length;
        }

        var chars = Math.Max(plain, article.BodyMarkdown.Length);
        return chars > _limits.MaxOutputChars
            ? $"The file gives {chars:N0} characters of text, over the {_limits.MaxOutputChars:N0}-character limit; it was refused."
            : null;
    }

    /// <exception cref="ArticleRejectedException">The file is over the size limit.</exception>
    public static async Task<byte[]> ReadAsync(string path, long maxBytes, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: false);
        return await ReadAsync(stream, maxBytes, ct);
    }

    /// <summary>Reads a file opened by its caller (a name that only its raw bytes can open); the handle is closed.</summary>
    /// <exception cref="ArticleRejectedException">The file is over the size limit.</exception>
    public static async Task<byte[]> ReadAsync(SafeFileHandle handle, long maxBytes, CancellationToken ct)
    {
        await using var stream = new FileStream(handle, FileAccess.Read, 1);
        return await ReadAsync(stream, maxBytes, ct);
    }

    private static async Task<byte[]> ReadAsync(FileStream stream, long maxBytes, CancellationToken ct)
    {
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
