using Microsoft.Extensions.Options;
using NewsReader.Corpus;
using NewsReader.Search;
using NewsReader.Search.Benchmark;
using NewsReader.Store;

namespace NewsReader.Cli;

/// <summary>
/// <c>bench-search [--rounds N] [--warm-up SECONDS] [--database FILE] [--queries fixed|sampled]</c>: search latency over
/// the configured database (ingest a generated corpus first) or an existing one, for example of real pages. Starts the
/// app on 127.0.0.1 for the HTTP timings and stops it when done.
/// </summary>
public static class BenchSearchVerb
{
    public const string Usage = "bench-search [--rounds N] [--warm-up SECONDS] [--database FILE] [--queries fixed|sampled]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var rounds = VerbArgs.Int(args, "--rounds") ?? 20;
        var warmUp = VerbArgs.Int(args, "--warm-up") ?? 15;
        var database = VerbArgs.Text(args, "--database");
        // The fixed mix is written in the generated corpus's words; any other database gets searches sampled from its own text.
        var mix = VerbArgs.Text(args, "--queries") ?? (database is null ? "fixed" : "sampled");
        if (rounds is < 1 or > 1000 || warmUp is < 0 or > 600 || mix is not ("fixed" or "sampled"))
        {
            await Console.Error.WriteLineAsync($"Usage: {Usage}   (--rounds is 1 to 1000, default 20; --warm-up is 0 to 600 seconds, default 15; " +
                "--queries is fixed, the generated corpus's mix, or sampled from the database's articles)");
            return 2;
        }

        if (database is not null && !File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"No database at {Path.GetFullPath(database)}.");
            return 2;
        }

        var db = database is null ? services.GetRequiredService<Db>() : new Db(database);
        await ActivatorUtilities.CreateInstance<Migrator>(services, db).MigrateAsync(ct);
        var index = SearchExtensions.IndexFor(db.Provider);
        var store = ActivatorUtilities.CreateInstance<SearchStore>(services, db, index);
        await using var c = await db.OpenAsync(ct);
        var queries = mix == "fixed" ? BenchmarkQueries.Fixed : await BenchmarkQueries.SampleAsync(c, ct);
        var budget = services.GetRequiredService<IOptions<SearchOptions>>().Value.TimeBudget;
        Console.WriteLine($"Benchmarking search over {db.Description} with the {mix} query mix ({queries.Length} queries), time budget {budget.TotalSeconds:0.###} s...");
        var server = new AppServer(StoreSettings(database, db, services.GetRequiredService<IConfiguration>()));
        Console.WriteLine(await new SearchBenchmark(db, index, store, server, queries).RunAsync(rounds, TimeSpan.FromSeconds(warmUp), ct));
        return 0;
    }

    /// <summary>The settings that point the app started for the HTTP timings at the store benchmarked here.</summary>
    private static Dictionary<string, string?> StoreSettings(string? database, Db db, IConfiguration configuration) =>
        database is not null || db.Provider == DatabaseProvider.Sqlite
            ? new() { ["NewsReader:Database:Provider"] = nameof(DatabaseProvider.Sqlite), ["NewsReader:DatabasePath"] = db.DatabasePath }
            : new()
            {
                ["NewsReader:Database:Provider"] = nameof(DatabaseProvider.Postgres),
                ["ConnectionStrings:NewsReader"] = configuration.GetConnectionString("NewsReader"),
                ["ConnectionStrings:NewsReaderReadOnly"] = configuration.GetConnectionString("NewsReaderReadOnly"),
            };
}
