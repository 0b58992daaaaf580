using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using NewsReader.Ingestion;
using NewsReader.Performance;
using NewsReader.Store;

namespace NewsReader.Cli;

/// <summary>
/// <c>ingest [folder]</c>: one pass over a folder. On a terminal a progress line counts the files; then a plain summary
/// (fit for logs) with the reason for every failure, each named once.
/// </summary>
public static class IngestVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        var folder = args.FirstOrDefault() ?? services.GetRequiredService<IOptions<NewsReaderOptions>>().Value.SeedsPath;
        if (!Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"Folder '{Path.GetFullPath(folder)}' does not exist.");
            return 2;
        }

        await CommandLine.MigrateAsync(services, ct);
        // Two ingesters never run at once: on PostgreSQL a web node watching the seeds folder may hold the lock.
        await using var lease = await services.GetRequiredService<NodeLocks>().TryTakeAsync(IngesterLock.Key, ct);
        if (lease is null)
        {
            await Console.Error.WriteLineAsync(AnotherNodeIngests);
            return 1;
        }

        using var held = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        var ingester = services.GetRequiredService<Ingester>();
        var changed = false;
        ingester.ArticlesChanged += () => changed = true;
        // Progress goes to standard error, and only on a terminal: redirected output stays a clean summary.
        var progress = Console.IsErrorRedirected ? null : new ProgressLine(Console.Error, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        var summary = await ingester.IngestFolderAsync(folder, held.Token, progress);
        progress?.Finish();
        if (changed)
        {
            // Readers' copies are no longer current, on every node; web nodes on the same PostgreSQL database drop their
            // cached pages once their replica has what was written (on SQLite nobody listens).
            await services.GetRequiredService<ContentVersion>().AnnounceChangeAsync(ct);
        }

        Console.Write(Summary(Path.GetFullPath(folder), summary, clock.Elapsed));
        return summary.Count(IngestionResult.Failed) > 0 ? 1 : 0;
    }

    public const string AnotherNodeIngests =
        "Another node is ingesting: it holds the ingester lock (a web node watching the seeds folder, or another ingest run). " +
        "That node ingests the seeds folder itself; run ingest when no web node watches it (NewsReader:WatchSeeds=false) or put the files in its seeds folder.";

    /// <summary>The summary as printed: what happened to how many files, then one line per failure.</summary>
    public static string Summary(string folder, IngestionSummary summary, TimeSpan elapsed)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var files = summary.Outcomes.Count;
        var rate = elapsed.TotalSeconds > 0 ? $", {files / elapsed.TotalSeconds:N0} files/s" : "";
        text.WriteLine($"Ingested {folder}: {files:N0} files in {elapsed.TotalSeconds:N1} s{rate}");
        foreach (var result in Enum.GetValues<IngestionResult>())
        {
            text.WriteLine($"  {Label(result),-15} {summary.Count(result),8:N0}");
        }

        text.WriteLine($"  {"source missing",-15} {summary.MarkedMissing,8:N0}");
        foreach (var failed in summary.Outcomes.Where(o => o.Result == IngestionResult.Failed))
        {
            text.WriteLine($"failed: {failed.Path}: {failed.Reason}");
        }

        return text.ToString();
    }

    /// <summary>The words a reader of the summary expects, not the enum's: "pending review", "duplicate".</summary>
    public static string Label(IngestionResult result) => result switch
    {
        IngestionResult.Ingested => "ingested",
        IngestionResult.Revised => "revised",
        IngestionResult.Unchanged => "unchanged",
        IngestionResult.Duplicate => "duplicate",
        IngestionResult.PendingReview => "pending review",
        IngestionResult.Failed => "failed",
        _ => result.ToString().ToLowerInvariant(),
    };
}
