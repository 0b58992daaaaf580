using System.Globalization;
using System.Threading.RateLimiting;

namespace NewsReader.Corrections;

/// <summary>
/// Five error reports per client address per ten minutes: plenty for a reader, little for a spammer.
/// An endpoint filter over a PartitionedRateLimiter of its own, rather than the app-wide rate-limiting middleware,
/// so it neither depends on nor changes how other areas configure that middleware.
/// </summary>
public sealed class ReportRateLimit : IEndpointFilter, IDisposable
{
    public const int Permits = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        // Behind a reverse proxy, configure forwarded headers so this is the reader's address, not the proxy's.
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Permits, Window = Window, QueueLimit = 0 }));

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        using var lease = await _limiter.AcquireAsync(context.HttpContext, 1, context.HttpContext.RequestAborted);
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Results.Content(
            Admin.AdminHtml.Page("Too many reports", "<p role=\"alert\">Thank you, but we have received several reports from you in a short time. Please try again in a few minutes.</p>"),
            "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _limiter.Dispose();
}
