using Microsoft.Extensions.Options;
using NewsReader.Ingestion;

namespace NewsReader.Cli;

/// <summary><c>ingest [folder]</c>: one pass over a folder, with a summary and the reason for every failure.</summary>
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
        var summary = await services.GetRequiredService<Ingester>().IngestFolderAsync(folder, ct);
        Console.WriteLine($"Ingested {Path.GetFullPath(folder)}:");
        foreach (var result in Enum.GetValues<IngestionResult>())
        {
            Console.WriteLine($"  {result.ToString().ToLowerInvariant(),-14} {summary.Count(result),8:N0}");
        }

        Console.WriteLine($"  {"source missing",-14} {summary.MarkedMissing,8:N0}");
        foreach (var failed in summary.Outcomes.Where(o => o.Result == IngestionResult.Failed))
        {
            Console.WriteLine($"failed: {failed.Path}: {failed.Reason}");
        }

        return summary.Count(IngestionResult.Failed) > 0 ? 1 : 0;
    }
}
