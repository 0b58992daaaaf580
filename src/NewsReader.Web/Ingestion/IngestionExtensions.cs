using Microsoft.Extensions.Options;
using NewsReader.Extraction;

namespace NewsReader.Ingestion;

public static class IngestionExtensions
{
    /// <summary>Parsers for each input format, the ingester, and the watcher that keeps the seeds folder in step.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        foreach (var parser in ArticleParsers.All())
        {
            builder.Services.AddSingleton(parser);
        }

        builder.Services.AddSingleton(sp => new ParserRegistry(sp.GetServices<IArticleParser>(), sp.GetRequiredService<IOptions<NewsReaderOptions>>().Value.Parse));
        builder.Services.AddSingleton<IngestionStore>();
        builder.Services.AddSingleton<Ingester>();
        builder.Services.AddSingleton<SeedWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SeedWatcher>());
        return builder;
    }
}
