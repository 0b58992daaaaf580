using System.Diagnostics;
using System.Globalization;
using NewsReader.Corpus;

namespace NewsReader.Cli;

/// <summary><c>generate-corpus --count N --out folder [--seed S]</c>: synthetic articles for benchmarks, same seed, same files.</summary>
public static class GenerateCorpusVerb
{
    public const string Usage = "generate-corpus --count N --out folder [--seed S]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        if (VerbArgs.Int(args, "--count") is not { } count || count <= 0 || VerbArgs.Text(args, "--out") is not { } folder)
        {
            await Console.Error.WriteLineAsync($"Usage: {Usage}   (--count is a positive number of articles)");
            return 2;
        }

        var seed = VerbArgs.Int(args, "--seed") ?? 1;
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        await Task.Run(() => CorpusGenerator.Write(folder, count, seed, ct), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {count:N0} articles (seed {seed}) to {Path.GetFullPath(folder)} in {clock.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }
}
