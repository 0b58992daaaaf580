using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsReader.Corrections;

public static class CorrectionsExtensions
{
    /// <summary>Corrections, revisions under review, readers' error reports, and the rate limit on reports.</summary>
    public static IHostApplicationBuilder AddCorrections(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CorrectionStore>();
        builder.Services.AddSingleton<RevisionStore>();
        builder.Services.AddSingleton<ErrorReportStore>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            // Five reports per address per ten minutes is plenty for a reader and little for a spammer.
            options.AddPolicy(ReportErrorEndpoint.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 5, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 }));
        });
        return builder;
    }

    public static WebApplication MapCorrections(this WebApplication app)
    {
        app.UseRateLimiter();
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
