using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsReader.Ingestion;
using NewsReader.Extraction.Text;
using NewsReader.Store;

namespace NewsReader.Benchmarks;

/// <summary>
/// "profile-ingest --count N": where ingestion time goes, in one process: reading and parsing every file, working out what
/// storing needs (body HTML, text, content hash: <see cref="ArticleToStore"/>), then the app's whole ingestion (which does both again, plus storing) into a fresh database.
/// </summary>
public static class IngestProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(args.SkipWhile(a => a != "--count").Skip(1).FirstOrDefault() ?? "2000", CultureInfo.InvariantCulture);
        var root = Directory.CreateTempSubdirectory("newsreader-profile-").FullName;
        try
        {
            var corpus = Path.Combine(root, "corpus");
            NewsReader.Corpus.CorpusGenerator.Write(corpus, count, seed: 1, CancellationToken.None);
            var files = Ingester.ArticleFiles(corpus).ToList();

            var parser = new TextArticleParser();
            var clock = Stopwatch.StartNew();
            var parsed = files.Select(f => parser.Parse(File.ReadAllBytes(f), f)).ToList();
            var parseMs = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            foreach (var article in parsed)
            {
                _ = new ArticleToStore(article);
            }

            var renderMs = clock.Elapsed.TotalMilliseconds;

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [$"--NewsReader:DatabasePath={Path.Combine(root, "profile.db")}"] });
            builder.Logging.ClearProviders();
            builder.AddStore();
            builder.AddIngestion();
            using var host = builder.Build();
            await host.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
            clock.Restart();
            var summary = await host.Services.GetRequiredService<Ingester>().IngestFolderAsync(corpus, CancellationToken.None);
            var ingestMs = clock.Elapsed.TotalMilliseconds;

            Console.WriteLine($"articles:           {count:N0} ({summary.Count(IngestionResult.Ingested):N0} ingested)");
            Console.WriteLine($"read + parse:       {parseMs / count,8:F3} ms/article");
            Console.WriteLine($"HTML, text, hash:   {renderMs / count,8:F3} ms/article");
            Console.WriteLine($"whole ingestion:    {ingestMs / count,8:F3} ms/article = {count / (ingestMs / 1000):F0} articles/s");
            // The ingester parses and renders on the thread pool while it stores, so the whole can be less than the sum.
            Console.WriteLine($"whole minus parse and render: {(ingestMs - parseMs - renderMs) / count,8:F3} ms/article (negative when the stages overlap)");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
