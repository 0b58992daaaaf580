using Microsoft.Net.Http.Headers;

namespace NewsReader.Performance;

/// <summary>
/// ETag and Last-Modified on anonymous reading pages, and 304 Not Modified, before any rendering, when the reader's copy
/// is current. Browsers are told to revalidate each time (no-cache): a 304 costs little and a correction is never missed.
/// </summary>
public sealed class ConditionalGet(RequestDelegate next, ContentVersion version)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ReadingPages.IsShared(context.Request.Path) || !ReadingPages.IsAnonymousGet(context.Request))
        {
            await next(context);
            return;
        }

        const string cacheControl = "no-cache";
        var (etag, lastModified) = await version.CurrentAsync(context.RequestAborted);
        if (IsNotModified(context.Request, etag, lastModified))
        {
            SetValidators(context.Response, etag, lastModified, cacheControl);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                SetValidators(context.Response, etag, lastModified, cacheControl);
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    private static void SetValidators(HttpResponse response, string etag, DateTimeOffset lastModified, string cacheControl)
    {
        response.Headers.ETag = etag;
        response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
        response.Headers.CacheControl = cacheControl;
        response.Headers.Pragma = default;
    }

    // RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since counts only without it.
    private static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
        {
            var current = EntityTagHeaderValue.Parse(etag);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && lastModified <= since;
    }
}
