namespace NewsReader.Security;

/// <summary>
/// Headers on every response. The CSP allows scripts only from this site (reader.js; the one inline script, the
/// article's JSON-LD, is a data block browsers do not run), no plugins, no &lt;base&gt;, framing only by this site.
/// Images: this site's (/media) and any https address, as articles show their pictures where the publisher keeps them
/// (loaded lazily and without a referrer, so the image host learns nothing of the page).
/// Styles may be inline because Blazor's reconnect dialog brings its own; article bodies are sanitized and carry none.
/// HSTS only over HTTPS (directly or through a trusted proxy), as the header means nothing on plain HTTP.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    public static Task AddAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Set last, over whatever a framework wrote (Blazor adds a frame-ancestors-only policy to some pages).
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
