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

        var (etag, lastModified) = await version.CurrentAsync(context.RequestAborted);
        if (Api.ConditionalGet.IsNotModified(context.Request, EntityTagHeaderValue.Parse(etag), lastModified))
        {
            SetValidators(context.Response, etag, lastModified);
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                SetValidators(context.Response, etag, lastModified);
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    private static void SetValidators(HttpResponse response, string etag, DateTimeOffset lastModified)
    {
        response.Headers.ETag = etag;
        response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
        response.Headers.CacheControl = "no-cache";
        response.Headers.Pragma = default;
    }
}
