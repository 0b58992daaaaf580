using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Corpus;
using NewsReader.Search;
using NewsReader.Search.Benchmark;
using NewsReader.Store;

namespace NewsReader.Cli;

/// <summary>
/// <c>bench-search [--rounds N] [--warm-up SECONDS]</c>: search latency over the configured database (ingest a generated corpus first).
/// Starts the app on 127.0.0.1 for the HTTP timings and stops it when done.
/// </summary>
public static class BenchSearchVerb
{
    public const string Usage = "bench-search [--rounds N] [--warm-up SECONDS]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var rounds = VerbArgs.Int(args, "--rounds") ?? 20;
        var warmUp = VerbArgs.Int(args, "--warm-up") ?? 15;
        if (rounds is < 1 or > 1000 || warmUp is < 0 or > 600)
        {
            await Console.Error.WriteLineAsync($"Usage: {Usage}   (--rounds is 1 to 1000, default 20; --warm-up is 0 to 600 seconds, default 15)");
            return 2;
        }

        await CommandLine.MigrateAsync(services, ct);
        var db = services.GetRequiredService<Db>();
        var store = new SearchStore(db, NullLogger<SearchStore>.Instance);
        Console.WriteLine($"Benchmarking search over {db.DatabasePath}...");
        Console.WriteLine(await new SearchBenchmark(db, store, new AppServer()).RunAsync(rounds, TimeSpan.FromSeconds(warmUp), ct));
        return 0;
    }
}
