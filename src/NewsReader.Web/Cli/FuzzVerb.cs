using System.Diagnostics;
using NewsReader.Corpus;
using NewsReader.Ingestion;

using NewsReader.Extraction;

namespace NewsReader.Cli;

/// <summary>
/// <c>fuzz --count N [--seed S]</c>: parses N seeded hostile files (a mix of every format) under the configured limits
/// and reports crashes (a parse that escaped the registry), refusals at the wall time (hangs), and peak memory.
/// <c>--from I</c> starts at file I (file I of a seed is always the same bytes), <c>--write DIR</c> saves each file there,
/// so one finding is reproduced with <c>fuzz --seed 15 --from 3253 --count 1 --write /tmp/f</c>.
/// </summary>
public static class FuzzVerb
{
    public const string Usage = "fuzz [--count N] [--seed S] [--from I] [--write DIR]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var count = VerbArgs.Int(args, "--count") ?? 10_000;
        var seed = VerbArgs.Int(args, "--seed") ?? 15;
        var from = VerbArgs.Int(args, "--from") ?? 0;
        var write = VerbArgs.Text(args, "--write");
        if (write is not null)
        {
            Directory.CreateDirectory(write);
            for (var i = from; i < from + count; i++)
            {
                var file = HostileFiles.Fuzz(seed, i);
                await File.WriteAllBytesAsync(Path.Combine(write, file.Name), file.Bytes, ct);
            }
        }

        var report = await RunAsync(services.GetRequiredService<ParserRegistry>(), seed, count, ct, from);
        Console.WriteLine(report);
        return report.Crashes == 0 && report.Hangs == 0 ? 0 : 1;
    }

    public static async Task<FuzzReport> RunAsync(ParserRegistry registry, int seed, int count, CancellationToken ct, int from = 0)
    {
        var crashes = new List<string>();
        var hangs = new List<string>();
        var articles = 0;
        var slowest = new PriorityQueue<string, double>();
        var started = Stopwatch.GetTimestamp();
        for (var i = from; i < from + count; i++)
        {
            var file = HostileFiles.Fuzz(seed, i);
            var fileStarted = Stopwatch.GetTimestamp();
            try
            {
                var result = await registry.ParseAsync(file.Name, file.Bytes, ct);
                var seconds = Stopwatch.GetElapsedTime(fileStarted).TotalSeconds;
                slowest.Enqueue($"{seconds:N2} s {file.Name} ({file.Shape}, {file.Bytes.Length:N0} bytes)", seconds);
                if (slowest.Count > 5)
                {
                    slowest.Dequeue();
                }

                articles += result.Article is null ? 0 : 1;
                if (result.Error?.StartsWith("Parsing took longer", StringComparison.Ordinal) == true)
                {
                    hangs.Add($"{file.Name} ({file.Shape})");
                }
                else if (result.Error?.StartsWith("Parser failed", StringComparison.Ordinal) == true)
                {
                    crashes.Add($"{file.Name} ({file.Shape}): {result.Error}");
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                crashes.Add($"{file.Name} ({file.Shape}): escaped the registry: {e.GetType().Name}: {e.Message}");
            }
        }

        using var self = Process.GetCurrentProcess();
        var slow = new List<string>();
        while (slowest.TryDequeue(out var line, out _))
        {
            slow.Insert(0, line);
        }

        return new FuzzReport(seed, count, articles, crashes, hangs, slow, self.PeakWorkingSet64, Stopwatch.GetElapsedTime(started));
    }
}

/// <param name="Slowest">The five slowest files, slowest first: where the parsers' cost is, short of a hang.</param>
public sealed record FuzzReport(int Seed, int Files, int Articles, IReadOnlyList<string> CrashList, IReadOnlyList<string> HangList, IReadOnlyList<string> Slowest, long PeakBytes, TimeSpan Elapsed)
{
    public int Crashes => CrashList.Count;

    public int Hangs => HangList.Count;

    public override string ToString() =>
        $"fuzz seed {Seed}: {Files:N0} files, {Articles:N0} articles, {Crashes} crashes, {Hangs} hangs, peak memory {PeakBytes / 1048576.0:N0} MB, {Elapsed.TotalSeconds:N1} s"
        + string.Concat(CrashList.Concat(HangList).Take(20).Select(l => "\n  " + l))
        + "\n  slowest: " + string.Join("; ", Slowest);
}
