using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Options;
using NewsReader.Corpus;
using NewsReader.Ingestion;

using NewsReader.Extraction;

namespace NewsReader.Cli;

/// <summary>
/// <c>bench-parse [--sizes 1,5,25]</c>: time and memory to parse each of the worst shapes at 1, 5 and 25 MB, under the
/// configured limits (a shape past the wall time shows as refused, one over <c>MaxFileBytes</c> as refused unread, as
/// ingestion does). Prints a Markdown table for docs/benchmarks.md.
/// </summary>
public static class BenchParseVerb
{
    public const string Usage = "bench-parse [--sizes 1,5,25]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var registry = services.GetRequiredService<ParserRegistry>();
        var sizes = (VerbArgs.Text(args, "--sizes") ?? "1,5,25").Split(',').Select(int.Parse).ToArray();
        var maxBytes = services.GetRequiredService<IOptions<NewsReaderOptions>>().Value.MaxFileBytes;
        Console.WriteLine("| format | shape | MB | seconds | s per MB | allocated MB | peak working set MB | result |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (format, shape) in HostileFiles.WorstShapes)
        {
            foreach (var mb in sizes)
            {
                if (mb * 1024L * 1024 > maxBytes)
                {
                    Console.WriteLine($"| {format} | {shape} | {mb} | 0 | 0 | 0 | {PeakMb():N0} | refused unread: over the {maxBytes:N0}-byte MaxFileBytes |");
                    continue;
                }

                var file = HostileFiles.Shape(format, shape, mb * 1024 * 1024);
                // The generator's own large strings are not the parse's cost: compact them away before measuring.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var started = Stopwatch.GetTimestamp();
                var result = await registry.ParseAsync(file.Name, file.Bytes, ct);
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0;
                var outcome = result.Article is not null ? "article" : result.Error!.Length > 60 ? result.Error[..60] + "…" : result.Error;
                Console.WriteLine($"| {format} | {shape} | {mb} | {seconds:N2} | {seconds / mb:N3} | {allocatedMb:N0} | {PeakMb():N0} | {outcome} |");
            }
        }

        return 0;
    }

    private static double PeakMb()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1048576.0;
    }
}
