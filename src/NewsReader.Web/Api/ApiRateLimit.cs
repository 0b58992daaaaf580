using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsReader.Api;

/// <summary>
/// A fixed window per client IP for anonymous API clients (signed-in users are not limited). Over the limit the client
/// gets 429 with Retry-After and a problem document saying when to come back. The rejection belongs to this policy, not
/// to the app-wide limiter options, so other areas' limits keep their own answers.
/// </summary>
public sealed class ApiRateLimit(IOptions<ApiOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "anonymous-api";

    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy<string, ApiRateLimit>(Policy);
    }

    public RateLimitPartition<string> GetPartition(HttpContext http)
    {
        var limits = options.Value;
        if (limits.RateLimitPermits <= 0 || http.User.Identity?.IsAuthenticated == true)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        // Behind a reverse proxy, configure forwarded headers so this is the client's address, not the proxy's.
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.RateLimitPermits,
            Window = limits.RateLimitWindow,
            QueueLimit = 0,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected => RejectAsync;

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var limits = options.Value;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limits.RateLimitWindow;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Anonymous clients may make {limits.RateLimitPermits} API requests per {limits.RateLimitWindow.TotalSeconds:0} seconds. " +
                         $"Try again in {seconds} seconds.",
            },
        });
    }
}
