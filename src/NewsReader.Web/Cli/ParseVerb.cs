using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NewsReader.Extraction;
using NewsReader.Ingestion;

namespace NewsReader.Cli;

/// <summary><c>parse &lt;file-or-folder&gt;...</c>: JSON Lines, one object per file, nothing stored.</summary>
public static class ParseVerb
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("Usage: parse <file-or-folder>...");
            return 2;
        }

        var parsers = services.GetRequiredService<ParserRegistry>();
        var maxBytes = services.GetRequiredService<IOptions<NewsReaderOptions>>().Value.MaxFileBytes;
        var failed = false;
        await using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        foreach (var path in args.SelectMany(Expand))
        {
            var result = File.Exists(path)
                ? await parsers.ParseFileAsync(path, maxBytes, ct)
                : new ParseResult(path, null, null, "No such file or folder.");
            failed |= result.Article is null;
            await stdout.WriteLineAsync(JsonSerializer.Serialize(ToLine(result), Json));
        }

        return failed ? 1 : 0;
    }

    private static IEnumerable<string> Expand(string arg) =>
        Directory.Exists(arg) ? Ingester.ArticleFiles(Path.GetFullPath(arg)) : [arg];

    private static object ToLine(ParseResult r) => r.Article is { } a
        ? new ParsedLine(r.Path, a.Format, a.Title, a.Site, a.Authors, a.Published, a.Body, a.Dropped, a.Warnings)
        : new FailedLine(r.Path, r.Error ?? "Not an article.");

    private sealed record ParsedLine(string File, string Format, string Title, string? Site, IReadOnlyList<string> Authors, string? Published, IReadOnlyList<string> Body, IReadOnlyList<string> Dropped, IReadOnlyList<string> Warnings);

    private sealed record FailedLine(string File, string Error);
}
