using Microsoft.Extensions.Options;
using NewsReader.Ingestion.Html;
using NewsReader.Ingestion.Markdown;
using NewsReader.Ingestion.Text;

namespace NewsReader.Ingestion;

public static class IngestionExtensions
{
    /// <summary>Parsers for each input format, the ingester, and the watcher that keeps the seeds folder in step.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        // Order matters only when two parsers claim one extension: the first wins.
        builder.Services.AddSingleton<IArticleParser, TextArticleParser>();
        builder.Services.AddSingleton<IArticleParser, HtmlArticleParser>();
        builder.Services.AddSingleton<IArticleParser, MarkdownArticleParser>();
        builder.Services.AddSingleton(sp => new ParserRegistry(sp.GetServices<IArticleParser>(), sp.GetRequiredService<IOptions<NewsReaderOptions>>().Value.Parse));
        builder.Services.AddSingleton<IngestionStore>();
        builder.Services.AddSingleton<Ingester>();
        builder.Services.AddSingleton<SeedWatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SeedWatcher>());
        return builder;
    }
}
