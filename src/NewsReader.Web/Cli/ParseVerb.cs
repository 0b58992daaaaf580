using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using NewsReader.Extraction;
using NewsReader.Ingestion;

namespace NewsReader.Cli;

/// <summary>
/// <c>parse [--timings] &lt;file-or-folder&gt;...</c>: JSON Lines, one object per file, nothing stored. With
/// <c>--timings</c> each line also carries <c>ms</c>, the time to read and parse that file (for benchmarks).
/// </summary>
public static class ParseVerb
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public const string Usage = "parse [--timings] <file-or-folder>...";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var timings = args.Contains("--timings");
        args = [.. args.Where(a => a != "--timings")];
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync($"Usage: {Usage}");
            return 2;
        }

        var parsers = services.GetRequiredService<ParserRegistry>();
        var maxBytes = services.GetRequiredService<IOptions<NewsReaderOptions>>().Value.MaxFileBytes;
        var failed = false;
        await using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        foreach (var path in args.SelectMany(Expand))
        {
            var started = Stopwatch.GetTimestamp();
            var result = File.Exists(path)
                ? await parsers.ParseFileAsync(path, maxBytes, ct)
                : new ParseResult(path, null, null, "No such file or folder.");
            var elapsed = Stopwatch.GetElapsedTime(started);
            failed |= result.Article is null;
            var line = JsonSerializer.SerializeToNode(ToLine(result), Json)!;
            if (timings)
            {
                line["ms"] = Math.Round(elapsed.TotalMilliseconds, 3);
            }

            await stdout.WriteLineAsync(line.ToJsonString(Json));
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
