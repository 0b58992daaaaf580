using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsReader.Corrections;

public static class CorrectionsExtensions
{
    /// <summary>Corrections, revisions under review, readers' error reports and their rate limit.</summary>
    public static IHostApplicationBuilder AddCorrections(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CorrectionStore>();
        builder.Services.AddSingleton<RevisionStore>();
        builder.Services.AddSingleton<ErrorReportStore>();
        builder.Services.AddSingleton<ReportRateLimit>();
        builder.Services.AddSingleton<Api.IArticleCorrections, ApiCorrections>();
        return builder;
    }

    public static WebApplication MapCorrections(this WebApplication app)
    {
        app.MapReportError();
        app.MapGet("/corrections/feed", async (HttpContext http, CorrectionStore corrections, CancellationToken ct) =>
        {
            var page = await corrections.PageAsync(1, ct, CorrectionsFeed.Entries);
            var xml = CorrectionsFeed.Write(page.Items, $"{http.Request.Scheme}://{http.Request.Host}");
            return Results.Text(xml, "application/atom+xml; charset=utf-8");
        });
        return app;
    }
}
