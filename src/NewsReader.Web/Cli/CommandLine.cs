using NewsReader.Ingestion;
using NewsReader.Store;
using NewsReader.Search;

namespace NewsReader.Cli;

/// <summary>
/// Verbs on the same executable as the web app: <c>NewsReader.Web ingest seeds/</c>. Each verb gets the app's services
/// (the same configuration, database and parsers) without starting the web server.
/// </summary>
public static class CommandLine
{
    private sealed record Verb(string Usage, string Summary, Func<IServiceProvider, string[], CancellationToken, Task<int>> Run);

    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.Ordinal)
    {
        ["ingest"] = new("ingest [folder]", "Ingest a folder (default: the seeds folder) once and print a summary.", IngestVerb.RunAsync),
        ["parse"] = new(ParseVerb.Usage, "Parse files without storing them; print one JSON object per file.", ParseVerb.RunAsync),
        ["users"] = new(UsersVerb.Summary, "Manage newsroom accounts (there is no default password).", UsersVerb.RunAsync),
        ["generate-corpus"] = new(GenerateCorpusVerb.Usage, "Write N synthetic articles in the seeds' text format, for benchmarks.", GenerateCorpusVerb.RunAsync),
        ["bench-search"] = new(BenchSearchVerb.Usage, "Time the search query mix in process and over HTTP; print p50/p95/p99.", BenchSearchVerb.RunAsync),
        ["fuzz"] = new(FuzzVerb.Usage, "Parse N seeded hostile files under the limits; report crashes, hangs and peak memory.", FuzzVerb.RunAsync),
        ["bench-parse"] = new(BenchParseVerb.Usage, "Time and memory per MB to parse the worst file shapes at 1, 5 and 25 MB.", BenchParseVerb.RunAsync),
        ["help"] = new("help", "Show this list.", (_, _, _) => Task.FromResult(PrintHelp(Console.Out))),
    };

    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "/?", "/h"];

    /// <summary>
    /// True when the command line is for a verb (or help) rather than for the web app. The web app takes only switches
    /// (<c>--urls ...</c>, <c>--NewsReader:...=...</c>); a first word that is not one is a verb, known or mistyped, so a typo
    /// never starts a server or creates a database.
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Verbs.ContainsKey(args[0]) || !args[0].StartsWith('-') || args.Any(a => HelpSwitches.Contains(a, StringComparer.OrdinalIgnoreCase)));

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Any(a => HelpSwitches.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            PrintHelp(Console.Out);
            return 2;
        }

        if (!Verbs.ContainsKey(args[0]))
        {
            Console.Error.WriteLine($"Unknown verb '{args[0]}'.");
            PrintHelp(Console.Error);
            return 2;
        }

        // Configuration switches (--NewsReader:DatabasePath=..., --ConnectionStrings:NewsReader=...) go to configuration;
        // the rest belong to the verb.
        var configArgs = args.Skip(1).Where(a => a.StartsWith("--NewsReader", StringComparison.OrdinalIgnoreCase)
                                                 || a.StartsWith("--ConnectionStrings", StringComparison.OrdinalIgnoreCase)).ToArray();
        // Not Except: a set operation, it dropped a repeated word ("users add admin --role admin" lost its role).
        var verbArgs = args.Skip(1).Where(a => !configArgs.Contains(a)).ToArray();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configArgs, ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The ingester logs each skipped file for the web app's log; a verb prints its own report, which names each failure once.
        builder.Logging.AddFilter(typeof(Ingester).FullName, LogLevel.Error);
        builder.AddStore();
        builder.AddIngestion();
        builder.AddSearch();
        builder.AddCommandLineServices();
        using var host = builder.Build();

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        try
        {
            return await Verbs[args[0]].Run(host.Services, verbArgs, cts.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException or InvalidOperationException)
        {
            // An unusable database path or folder is the user's to fix: say what failed, without a stack trace.
            await Console.Error.WriteLineAsync($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>Runs the schema migrations, for verbs that touch the database.</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<Migrator>().MigrateAsync(ct);

    private static int PrintHelp(TextWriter to)
    {
        to.WriteLine("Usage: NewsReader.Web [verb] [arguments] [--NewsReader:Setting=value]");
        to.WriteLine("       NewsReader.Web [--urls http://localhost:5080]   (no verb: run the web app)");
        to.WriteLine();
        to.WriteLine("Verbs:");
        foreach (var verb in Verbs.Values)
        {
            to.WriteLine($"  {verb.Usage,-44} {verb.Summary}");
        }

        return 0;
    }
}
